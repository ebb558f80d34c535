// Runs work over many items a few at a time: enough to hide network latency, few enough not to
// flood the proxy or the listener's connection.

/** Calls `work` for every item with at most `limit` running at once; resolves when all settle. */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
