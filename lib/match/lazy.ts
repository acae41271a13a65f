// Tables built on first use. The content script loads in every frame of every page, most of which
// never reach the matcher (nothing in them could name a company): a table built at module load
// would cost each of those frames its build anyway.

/** A value made by `make` the first time it is asked for, then kept. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
