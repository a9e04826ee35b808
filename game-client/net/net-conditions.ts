/** Simulated network conditions (`?net=delay:150,jitter:30,...`): parsing and the defaults. */

/** Conditions of one simulated link pair; every field is in ms or kbit/s, 0 meaning off. */
export interface NetConditions {
  /** Added round-trip delay, split evenly between the two directions. @default 0 */
  readonly delayMs: number;
  /** Each frame gets an extra 0..jitterMs in its direction; order is kept, as on TCP. @default 0 */
  readonly jitterMs: number;
  /** Client-to-server bandwidth cap in kbit/s. @default 0 (none) */
  readonly upKbps: number;
  /** Server-to-client bandwidth cap in kbit/s. @default 0 (none) */
  readonly downKbps: number;
  /** Mean time between delay bursts (how TCP shows loss: a stall, then everything at once). @default 0 (none) */
  readonly burstEveryMs: number;
  /** Length of one burst stall. @default 200 */
  readonly burstMs: number;
}

/** No added delay, jitter, cap or bursts. */
export const PERFECT_NET: NetConditions = Object.freeze({
  delayMs: 0,
  jitterMs: 0,
  upKbps: 0,
  downKbps: 0,
  burstEveryMs: 0,
  burstMs: 200,
});

const KEYS: Readonly<Record<string, keyof NetConditions>> = {
  delay: 'delayMs',
  jitter: 'jitterMs',
  up: 'upKbps',
  down: 'downKbps',
  burst: 'burstEveryMs',
  burstms: 'burstMs',
};

/** True if the conditions change anything. */
export function isSimulated(c: NetConditions): boolean {
  return c.delayMs > 0 || c.jitterMs > 0 || c.upKbps > 0 || c.downKbps > 0 || c.burstEveryMs > 0;
}

/**
 * Parses `delay:150,jitter:30,up:256,down:1024,burst:3000,burstms:250`; unknown keys and bad values
 * are ignored, values are clamped to 0..60000. Returns null for an empty or absent spec.
 */
export function parseNetConditions(spec: string | null | undefined): NetConditions | null {
  if (!spec) return null;
  const out: Record<keyof NetConditions, number> = { ...PERFECT_NET };
  let any = false;
  for (const part of spec.split(',')) {
    const [k, v] = part.split(':');
    const key = KEYS[(k ?? '').trim().toLowerCase()];
    const n = Number(v);
    if (!key || v === undefined || v.trim() === '' || !Number.isFinite(n)) continue;
    out[key] = Math.min(60_000, Math.max(0, n));
    any = true;
  }
  return any ? Object.freeze(out) : null;
}
