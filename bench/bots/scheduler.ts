/** Drift-free input scheduler: clients spread over 16 phase slots of one 30 Hz period. */

const SLOTS = 16;

/** Handle of a running scheduler. */
export interface Scheduler {
  stop(): void;
}

/**
 * Calls `send(client)` once per period for each client, client i in slot i % 16. Slot k is due at
 * start + k * period / 16; a slot more than a full period late is dropped with `miss(count)`, never burst.
 */
export function startScheduler(
  clients: number,
  periodMs: number,
  send: (client: number) => void,
  miss: (count: number) => void,
): Scheduler {
  const slotMs = periodMs / SLOTS;
  const bySlot: number[][] = Array.from({ length: SLOTS }, () => []);
  for (let i = 0; i < clients; i++) bySlot[i % SLOTS]?.push(i);
  const start = performance.now();
  let k = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    if (stopped) return;
    const now = performance.now();
    while (start + k * slotMs <= now) {
      const slot = bySlot[k % SLOTS] ?? [];
      if (now - (start + k * slotMs) > periodMs) miss(slot.length);
      else for (const c of slot) send(c);
      k++;
    }
    timer = setTimeout(run, Math.max(0, start + k * slotMs - performance.now()));
  };
  run();
  return {
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
