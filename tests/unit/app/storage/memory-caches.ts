// Cache Storage in memory for unit tests (jsdom has none): the calls the app makes, by URL.
// Browser tests use the real one.

class MemoryCache {
  readonly entries = new Map<string, Response>();

  keys(): Promise<Request[]> {
    return Promise.resolve([...this.entries.keys()].map((url) => new Request(url)));
  }
  match(key: RequestInfo): Promise<Response | undefined> {
    return Promise.resolve(this.entries.get(urlOf(key))?.clone());
  }
  put(key: RequestInfo, response: Response): Promise<void> {
    this.entries.set(urlOf(key), response);
    return Promise.resolve();
  }
  delete(key: RequestInfo): Promise<boolean> {
    return Promise.resolve(this.entries.delete(urlOf(key)));
  }
}

/** A fresh, empty CacheStorage stand-in. */
export function memoryCaches() {
  const caches = new Map<string, MemoryCache>();
  return {
    open(name: string): Promise<MemoryCache> {
      if (!caches.has(name)) caches.set(name, new MemoryCache());
      return Promise.resolve(caches.get(name)!);
    },
    has(name: string): Promise<boolean> {
      return Promise.resolve(caches.has(name));
    },
    delete(name: string): Promise<boolean> {
      return Promise.resolve(caches.delete(name));
    },
  };
}

function urlOf(key: RequestInfo): string {
  return new Request(key).url;
}
