/** All rooms of the server by code, with the max-rooms limit and CSPRNG codes. */
import { randomInt } from 'node:crypto';
import { Room } from './room.js';
import { randomRoomCode } from './room-code.js';
import type { RoomOptions } from './room-types.js';
import { realTimers, type Timers } from './timers.js';

/** Server-wide settings every room is created with. */
export interface RegistryOptions {
  readonly maxRooms: number;
  readonly tickHz: number;
  readonly snapshotHz: number;
  readonly emptyTtlMs: number;
  /**
   * Groups the rooms are spread over, ticked one after another within each tick period (see
   * tickPhase), so no pass over the rooms holds the event loop for long. @default 1
   */
  readonly tickPhases?: number;
  /** @default performance.now */
  readonly now?: () => number;
  /** @default realTimers */
  readonly timers?: Timers;
  /** Code generator (tests inject collisions). @default randomRoomCode */
  readonly newCode?: () => string;
  /** Round settings every room starts from (tests shorten rounds); a room's own `match` wins. */
  readonly roomDefaults?: NewRoom['match'];
  /** Called once for every room the registry forgets (expired, closed or disposed). */
  readonly onRemove?: (room: Room) => void;
}

/** What a new room needs from its creator. */
export interface NewRoom {
  /** The room's name, or a function of its code (quick-play rooms are named after it). */
  readonly name: string | ((code: string) => string);
  readonly maxPlayers: number;
  readonly isPrivate: boolean;
  /** ArenaId; the large arena turns on interest management. @default ArenaId.Standard */
  readonly arenaId?: number;
  /** Mode, bots and round settings (see RoomOptions); absent ones take the room's defaults. */
  readonly match?: Pick<
    RoomOptions,
    'mode' | 'bots' | 'matchFlow' | 'killTarget' | 'roundMs' | 'timingMs' | 'maxSpectators'
  >;
}

const CODE_ATTEMPTS = 32;

/** The set of live rooms. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  /** The rooms of each tick phase; a new room joins the phase with the fewest. */
  private readonly phases: Set<Room>[];
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly newCode: () => string;
  private drainingFlag = false;

  constructor(private readonly opts: RegistryOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.timers = opts.timers ?? realTimers;
    this.newCode = opts.newCode ?? randomRoomCode;
    const phases = opts.tickPhases ?? 1;
    if (!Number.isInteger(phases) || phases < 1)
      throw new RangeError('tickPhases must be a positive integer');
    this.phases = Array.from({ length: phases }, () => new Set<Room>());
  }

  /** Number of tick phases (see tickPhase). */
  get tickPhases(): number {
    return this.phases.length;
  }

  /** True if another room may be created (never while draining). */
  get hasCapacity(): boolean {
    return !this.drainingFlag && this.rooms.size < this.opts.maxRooms;
  }

  /** True once startDraining() was called: no room is created any more. */
  get draining(): boolean {
    return this.drainingFlag;
  }

  /** Stops creating rooms for good (SIGTERM drain); live rooms go on. */
  startDraining(): void {
    this.drainingFlag = true;
  }

  /** Rooms alive. */
  get size(): number {
    return this.rooms.size;
  }

  /** Players over all rooms. */
  get playerCount(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.playerCount;
    return n;
  }

  /** The room with `code` (already upper-cased), if alive. */
  get(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  /** Every live room, in creation order. */
  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** Creates a room with a fresh code, or returns null when the max-rooms limit is reached. */
  create(spec: NewRoom): Room | null {
    if (!this.hasCapacity) return null;
    const code = this.freshCode();
    const room = new Room({
      code,
      name: typeof spec.name === 'string' ? spec.name : spec.name(code),
      maxPlayers: spec.maxPlayers,
      isPrivate: spec.isPrivate,
      ...(spec.arenaId === undefined ? {} : { arenaId: spec.arenaId }),
      ...this.opts.roomDefaults,
      ...spec.match,
      tickHz: this.opts.tickHz,
      snapshotHz: this.opts.snapshotHz,
      emptyTtlMs: this.opts.emptyTtlMs,
      seed: randomInt(0x1_0000_0000),
      now: this.now,
      timers: this.timers,
      onExpire: (r) => this.forget(r),
    });
    this.rooms.set(code, room);
    this.fewestRooms().add(room);
    return room;
  }

  /**
   * Advances every room of tick phase `phase` (0 until tickPhases) one tick; a failing room is
   * reported and does not stop the others. `onTicked` (benchmarks) observes each room's tick wall
   * time in ms.
   */
  tickPhase(
    phase: number,
    onError: (room: Room, err: unknown) => void,
    onTicked?: (ms: number) => void,
  ): void {
    const rooms = this.phases[phase];
    if (rooms === undefined) throw new RangeError(`no tick phase ${phase}`);
    for (const room of rooms) {
      const t0 = onTicked ? performance.now() : 0;
      try {
        room.tick();
      } catch (err) {
        onError(room, err);
      }
      onTicked?.(performance.now() - t0);
    }
  }

  /** Disposes every room, ending every connection with `code`/`reason`. */
  disposeAll(code: number, reason: string): void {
    for (const room of [...this.rooms.values()]) this.close(room.code, code, reason);
  }

  /** Disposes the room with `code` (ending its connections with `closeCode`/`reason`) and forgets it; false if absent. */
  close(code: string, closeCode: number, reason: string): boolean {
    const room = this.rooms.get(code);
    if (!room) return false;
    room.dispose(closeCode, reason);
    this.forget(room);
    return true;
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.code) !== room) return;
    this.rooms.delete(room.code);
    for (const rooms of this.phases) rooms.delete(room);
    this.opts.onRemove?.(room);
  }

  private fewestRooms(): Set<Room> {
    let fewest = this.phases[0] as Set<Room>;
    for (const rooms of this.phases) if (rooms.size < fewest.size) fewest = rooms;
    return fewest;
  }

  private freshCode(): string {
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const code = this.newCode();
      if (!this.rooms.has(code)) return code;
    }
    throw new Error('could not find a free room code');
  }
}
