/** The package version, written from package.json by scripts/build.mjs. */
export const version = "0.1.0";
