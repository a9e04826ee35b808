/**
 * Which client address each held (dropped, resumable) seat belongs to, so one address cannot fill
 * rooms with held seats by joining and dropping: past the cap a drop frees its seat at once.
 */
import type { Seat } from '../room/resume-tokens.js';

const seatKey = (seat: Seat): string => `${seat.roomCode}/${seat.playerId}`;

/** Held seats per client address, bounded by `maxPerIp` (0: no limit). */
export class HeldSeats {
  private readonly ipBySeat = new Map<string, string>();
  private readonly countByIp = new Map<string, number>();

  constructor(private readonly maxPerIp: number) {}

  /** Seats held now, all addresses. */
  get size(): number {
    return this.ipBySeat.size;
  }

  /** Seats `ip` holds now. */
  count(ip: string): number {
    return this.countByIp.get(ip) ?? 0;
  }

  /** Records `seat` as held for `ip` and returns true, or returns false if `ip` is at the cap. */
  tryHold(ip: string, seat: Seat): boolean {
    const key = seatKey(seat);
    const prev = this.ipBySeat.get(key);
    if (prev === ip) return true;
    if (this.maxPerIp > 0 && this.count(ip) >= this.maxPerIp) return false;
    if (prev !== undefined) this.drop(key, prev);
    this.ipBySeat.set(key, ip);
    this.countByIp.set(ip, this.count(ip) + 1);
    return true;
  }

  /** `seat` is no longer held (resumed, expired or freed); unknown seats are ignored. */
  release(seat: Seat): void {
    const key = seatKey(seat);
    const ip = this.ipBySeat.get(key);
    if (ip !== undefined) this.drop(key, ip);
  }

  /** Forgets every held seat of room `code` (it was disposed). */
  releaseRoom(code: string): void {
    const prefix = `${code}/`;
    for (const [key, ip] of [...this.ipBySeat]) if (key.startsWith(prefix)) this.drop(key, ip);
  }

  /** Forgets everything (shutdown, drain). */
  clear(): void {
    this.ipBySeat.clear();
    this.countByIp.clear();
  }

  private drop(key: string, ip: string): void {
    this.ipBySeat.delete(key);
    const n = this.count(ip) - 1;
    if (n > 0) this.countByIp.set(ip, n);
    else this.countByIp.delete(ip);
  }
}
