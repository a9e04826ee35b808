/** How many bots a room keeps: enough to reach a minimum player count, fewer as humans join. */

const count = (v: number) => (Number.isFinite(v) ? Math.max(0, Math.floor(v)) : 0);

/**
 * Bots to keep with `humans` humans so the room holds at least `minPlayers` players, never more
 * than `maxPlayers` in total. Bad numbers (negative, NaN) count as 0. A room with no humans gets
 * its full share too: whether an empty room keeps running is the room's decision, not this one's.
 */
export function planBotCount(humans: number, minPlayers: number, maxPlayers: number): number {
  const h = count(humans);
  const target = Math.min(count(minPlayers), count(maxPlayers));
  return Math.max(0, target - h);
}

/** Change in bots to go from `current` to `planned`: positive adds, negative removes. */
export function botDelta(current: number, planned: number): number {
  return count(planned) - count(current);
}
