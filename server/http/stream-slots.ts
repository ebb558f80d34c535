// A cap on how many long responses (proxied media streams) one client may have open at once.

export interface StreamSlots {
  /** A slot for `client`, or undefined when it already holds `max`; call the result to free it. */
  acquire(client: string): (() => void) | undefined;
  /** Slots held by `client` now. */
  held(client: string): number;
  /** Slots held by everyone now. */
  readonly total: number;
}

/** At most `max` slots per client. */
export function createStreamSlots(max: number): StreamSlots {
  const held = new Map<string, number>();
  let total = 0;
  return {
    acquire(client) {
      const count = held.get(client) ?? 0;
      if (count >= max) return undefined;
      held.set(client, count + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (held.get(client) ?? 1) - 1;
        if (left === 0) held.delete(client);
        else held.set(client, left);
      };
    },
    held: (client) => held.get(client) ?? 0,
    get total() {
      return total;
    },
  };
}
