// An empty module: the cold-import baseline. Node's ES module loader starts
// with the first `import()` of a process, whatever it loads; importing this
// measures that start, so the difference to an entry is the entry's own cost.
export {};
