/** A minimal typed event emitter: one listener list per event name, no Node dependency. */

/** Listener map of an emitter: each event name to its payload type. */
export type EventMap = Record<string, unknown>;

/** Subscribes, unsubscribes and emits typed events. */
export class Emitter<E extends EventMap> {
  private readonly listeners = new Map<keyof E, Set<(payload: never) => void>>();

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof E>(event: K, listener: (payload: E[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Calls every listener of `event` with `payload`, in subscription order. */
  emit<K extends keyof E>(event: K, payload: E[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) (listener as (p: E[K]) => void)(payload);
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
