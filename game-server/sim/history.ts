/** A short, bounded history of player positions so shots can be resolved against the past (lag compensation). */

/**
 * Longest rewind a shot gets, in ms: older views are resolved this far back only. A shooter's view
 * lags by its one-way delay, its interpolation delay (which grows with jitter) and up to two ticks of
 * input and tick alignment: about 230 ms at 150 ms RTT on a steady link, and more on a jittery one.
 * 250 clamped such players (their shots were resolved later than they saw them); 400 covers them.
 */
export const MAX_REWIND_MS = 400;
/** How much history is kept behind the newest frame, in ms (the rewind cap plus a tick of margin). */
export const HISTORY_MS = MAX_REWIND_MS + 50;

/** Where one player was at the end of a tick. */
export interface PastPlayer {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly alive: boolean;
}

/** Every player at the end of one tick, stamped with the server time of that tick (ms). */
export interface HistoryFrame {
  readonly tick: number;
  readonly timeMs: number;
  readonly players: readonly PastPlayer[];
}

/** The frames as stored: mutable, so the frame that falls out of the window is refilled, not reallocated. */
interface StoredPlayer {
  id: number;
  x: number;
  y: number;
  alive: boolean;
}
interface StoredFrame {
  tick: number;
  timeMs: number;
  players: StoredPlayer[];
}

/**
 * Appends where `players` are at the end of `tick` (server time `timeMs`) and forgets frames more than
 * `keepMs` older. A forgotten frame is reused for the new one, so a tick allocates nothing once the
 * window is full: nothing may keep a frame (or a PastPlayer from `playersAt`) beyond the tick.
 */
export function recordHistory(
  history: HistoryFrame[],
  tick: number,
  timeMs: number,
  players: Iterable<PastPlayer>,
  keepMs = HISTORY_MS,
): HistoryFrame[] {
  let drop = 0;
  while (drop < history.length && (history[drop] as HistoryFrame).timeMs < timeMs - keepMs) drop++;
  const reused = drop > 0 ? (history[drop - 1] as StoredFrame) : undefined;
  // The kept frames move to the front in place: shift() and push() would give the array a new
  // backing store about every tick (each room's, for as long as it runs).
  const kept = history.length - drop;
  if (drop > 0) for (let i = 0; i < kept; i++) history[i] = history[i + drop] as HistoryFrame;
  const frame: StoredFrame = reused ?? { tick, timeMs, players: [] };
  frame.tick = tick;
  frame.timeMs = timeMs;
  const out = frame.players;
  let n = 0;
  for (const p of players) {
    const slot = out[n++];
    if (slot) {
      slot.id = p.id;
      slot.x = p.x;
      slot.y = p.y;
      slot.alive = p.alive;
    } else out.push({ id: p.id, x: p.x, y: p.y, alive: p.alive });
  }
  if (out.length !== n) out.length = n; // setting a length is a runtime call even when unchanged
  if (drop === 0) history.push(frame);
  else {
    history[kept] = frame;
    if (history.length !== kept + 1) history.length = kept + 1;
  }
  return history;
}

/** The view lag a shot is rewound by: `nowMs - viewTime`, clamped to 0..MAX_REWIND_MS (0 when unknown). */
export function rewindFor(nowMs: number, viewTime: number, maxMs = MAX_REWIND_MS): number {
  if (!(viewTime > 0) || !Number.isFinite(viewTime)) return 0;
  return Math.min(maxMs, Math.max(0, nowMs - viewTime));
}

/**
 * The players at server time `timeMs`, interpolated between the two frames around it exactly as a
 * client interpolates snapshots (a player alive in only one of them is taken from the later one;
 * before the oldest frame the oldest is used). Undefined if the history is empty.
 */
export function playersAt(history: readonly HistoryFrame[], timeMs: number): PastPlayer[] | undefined {
  const last = history[history.length - 1];
  if (!last) return undefined;
  if (timeMs >= last.timeMs) return [...last.players];
  let j = history.length - 1;
  while (j > 0 && history[j - 1]!.timeMs > timeMs) j--;
  if (j === 0) return [...history[0]!.players];
  const a = history[j - 1]!;
  const b = history[j]!;
  const t = b.timeMs === a.timeMs ? 1 : (timeMs - a.timeMs) / (b.timeMs - a.timeMs);
  const before = new Map(a.players.map((p) => [p.id, p]));
  return b.players.map((pb) => {
    const pa = before.get(pb.id);
    if (!pa || pa.alive !== pb.alive) return pb;
    return { id: pb.id, x: pa.x + (pb.x - pa.x) * t, y: pa.y + (pb.y - pa.y) * t, alive: pb.alive };
  });
}
