/**
 * `HTTPClient`, as `@mistralai/mistralai/lib/http.js` has it: a `fetch` with
 * hooks around each attempt. Passed as `new Mistral({ httpClient })`, it
 * selects the fetch transport and sees every attempt's `Request` (retries
 * included) before it is sent, and its `Response` (or failure) after.
 * Nothing else in the client loads this file.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";

/** A `fetch`-compatible function, as `HTTPClient` calls it (with one `Request`). */
export type Fetcher = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A value, or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

/** Options of `new HTTPClient()`. */
export interface HTTPClientOptions {
  /** What sends the request; the runtime's `fetch` when left out. */
  fetcher?: Fetcher;
}

/** Runs before each attempt; may return a new `Request` to send instead. */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing is typed `void`, and must fit.
export type BeforeRequestHook = (req: Request) => Awaitable<Request | void>;
/** Runs when an attempt fails before any response (a connection error, an abort). */
export type RequestErrorHook = (err: unknown, req: Request) => Awaitable<void>;
/** Runs once an attempt's response headers are in, before the client reads the body. */
export type ResponseHook = (res: Response, req: Request) => Awaitable<void>;

/** The hook kinds of {@link HTTPClient.addHook}. */
export type HookName = "beforeRequest" | "requestError" | "response";

/** What `new Mistral({ httpClient })` needs: the official client's `HTTPClient` fits too. */
export interface HTTPClientLike {
  /** Sends one request (hooks included) and resolves with its response. */
  request(request: Request): Promise<Response>;
}

// Bun drops a Request's method, headers and body when `fetch` gets an explicit
// `undefined` init, so the Request alone is passed when there is no init.
const runtimeFetch: Fetcher = (input, init) =>
  init === undefined ? fetch(input) : fetch(input, init);

/** A `fetch` with hooks before each request, after each response, and on each failure. */
export class HTTPClient implements HTTPClientLike {
  readonly #options: HTTPClientOptions;
  readonly #fetcher: Fetcher;
  #before: BeforeRequestHook[] = [];
  #failed: RequestErrorHook[] = [];
  #answered: ResponseHook[] = [];

  /** A client sending through `options.fetcher`, or the runtime's `fetch`. */
  constructor(options: HTTPClientOptions = {}) {
    this.#options = options;
    this.#fetcher = options.fetcher ?? runtimeFetch;
  }

  /** Runs the `beforeRequest` hooks in order, sends, then the `response` (or `requestError`) hooks. */
  async request(request: Request): Promise<Response> {
    let req = request;
    for (const hook of this.#before) req = (await hook(req)) ?? req;
    let res: Response;
    try {
      res = await this.#fetcher(req);
    } catch (error) {
      for (const hook of this.#failed) await hook(error, req);
      throw error;
    }
    for (const hook of this.#answered) await hook(res, req);
    return res;
  }

  /** Registers `fn` to run before each request. */
  addHook(hook: "beforeRequest", fn: BeforeRequestHook): this;
  /** Registers `fn` to run when a request fails before any response. */
  addHook(hook: "requestError", fn: RequestErrorHook): this;
  /** Registers `fn` to run on each response. */
  addHook(hook: "response", fn: ResponseHook): this;
  addHook(hook: HookName, fn: BeforeRequestHook | RequestErrorHook | ResponseHook): this {
    (this.#list(hook) as unknown[]).push(fn);
    return this;
  }

  /** Removes a hook registered with {@link addHook} (the first registration of `fn`). */
  removeHook(hook: "beforeRequest", fn: BeforeRequestHook): this;
  /** Removes a hook registered with {@link addHook} (the first registration of `fn`). */
  removeHook(hook: "requestError", fn: RequestErrorHook): this;
  /** Removes a hook registered with {@link addHook} (the first registration of `fn`). */
  removeHook(hook: "response", fn: ResponseHook): this;
  removeHook(hook: HookName, fn: BeforeRequestHook | RequestErrorHook | ResponseHook): this {
    const list = this.#list(hook) as unknown[];
    const at = list.indexOf(fn);
    if (at !== -1) list.splice(at, 1);
    return this;
  }

  /** A new client with the same fetcher and a copy of the hooks (changing one leaves the other). */
  clone(): HTTPClient {
    const copy = new HTTPClient(this.#options);
    copy.#before = this.#before.slice();
    copy.#failed = this.#failed.slice();
    copy.#answered = this.#answered.slice();
    return copy;
  }

  #list(hook: HookName): BeforeRequestHook[] | RequestErrorHook[] | ResponseHook[] {
    if (hook === "beforeRequest") return this.#before;
    if (hook === "requestError") return this.#failed;
    if (hook === "response") return this.#answered;
    throw new InvalidRequestError(
      `Unknown hook ${JSON.stringify(String(hook))}: use "beforeRequest", "requestError" or "response"`,
    );
  }
}
