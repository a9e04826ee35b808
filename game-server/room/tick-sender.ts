/**
 * The per-tick send path of a room: State (when due, skipped under backpressure), Event, Roster and
 * Pickups frames (when they changed) and Pings (every PINGS_INTERVAL_MS), corked per viewer when more
 * than a lone State goes out. Detached seats get nothing (attaching gives them a fresh State view).
 */
import { EventKind, type GameEvent, PINGS_INTERVAL_MS } from '../../protocol/index.js';
import { snapshotPickups, type World } from '../sim/index.js';
import { eventFrame } from './frames.js';
import { pickupsFrame } from './match-frames.js';
import type { RoomMembers, Viewer } from './room-members.js';
import type { RoomStats } from './room-types.js';
import { isAway } from './seats.js';
import type { StateSender } from './state-sender.js';

/** Above this many buffered bytes a client's State frame is skipped (latest state wins, never queue). */
export const STATE_BACKPRESSURE_BYTES = 64 * 1024;

/** Events after which the standings changed, so a Roster frame follows. */
const ROSTER_EVENTS: ReadonlySet<number> = new Set([
  EventKind.Kill,
  EventKind.RoundStart,
  EventKind.RoundEnd,
  EventKind.Countdown,
]);

/** True if one of `events` changed the standings (a Roster frame follows). */
function changesStandings(events: readonly GameEvent[]): boolean {
  for (let i = 0; i < events.length; i++) if (ROSTER_EVENTS.has((events[i] as GameEvent)[0])) return true;
  return false;
}

/** What a TickSender reads from its room. */
export interface TickSenderDeps {
  readonly world: World;
  readonly tickHz: number;
  readonly snapshotHz: number;
  readonly states: StateSender;
  readonly members: RoomMembers;
  readonly stats: RoomStats;
  /** The room's clock on the wire (rounded ms). */
  readonly serverTime: () => number;
}

/** True if tick `tick` is one on which a State goes out (snapshotHz spread over tickHz). */
export function isStateDue(tick: number, tickHz: number, snapshotHz: number): boolean {
  return Math.floor((tick * snapshotHz) / tickHz) > Math.floor(((tick - 1) * snapshotHz) / tickHz);
}

/** Sends each tick's frames to every viewer of a room. */
export class TickSender {
  /** What send writes to each viewer this tick, and to whom (read by writeTickOut). */
  private to: Viewer | undefined;
  private state = false;
  private event: Uint8Array | undefined;
  private roster: Uint8Array | undefined;
  private pickups: Uint8Array | undefined;
  private pings: Uint8Array | undefined;
  /** world.pickupsVersion last sent in a Pickups frame. */
  private pickupsSent = 0;
  /** A Pings frame goes out on ticks that are multiples of this. */
  private readonly pingsEvery: number;

  constructor(private readonly deps: TickSenderDeps) {
    this.pingsEvery = Math.max(1, Math.round((deps.tickHz * PINGS_INTERVAL_MS) / 1000));
  }

  /** Sends this tick's State (if due), Event (if `events`), Roster (if standings changed), Pickups (if changed), Pings (when due). */
  send(events: GameEvent[]): void {
    const { world, tickHz, snapshotHz, states, members } = this.deps;
    const stateDue = isStateDue(world.tick, tickHz, snapshotHz);
    if (stateDue) states.begin(world, this.deps.serverTime());
    this.state = stateDue;
    this.event = events.length > 0 ? eventFrame(world.tick, events) : undefined;
    this.roster = changesStandings(events) ? members.rosterFrame(world) : undefined;
    this.pickups =
      world.pickupsVersion !== this.pickupsSent ? pickupsFrame(snapshotPickups(world)) : undefined;
    this.pickupsSent = world.pickupsVersion;
    this.pings = world.tick % this.pingsEvery === 0 ? members.pingsFrame() : undefined;
    // A lone State (most ticks) is one send, which the socket writes at once: a cork only pays when
    // several frames go out, and each cork calls back into JavaScript once per client.
    const cork =
      this.event !== undefined ||
      this.roster !== undefined ||
      this.pickups !== undefined ||
      this.pings !== undefined;
    // Two plain loops rather than a generator: a generator costs an iterator result per client.
    if (cork) {
      for (const m of members.players.values()) if (!isAway(m)) this.sendTick(m);
      for (const s of members.spectators.all()) this.sendTick(s);
      this.to = undefined;
    } else if (stateDue) {
      // A lone State (most ticks): straight to each viewer, no per-client hop through writeTickOut.
      for (const m of members.players.values()) if (!isAway(m)) this.sendState(m);
      for (const s of members.spectators.all()) this.sendState(s);
    }
  }

  /** Writes this tick's frames to `v` in one cork. */
  private sendTick(v: Viewer): void {
    this.to = v;
    // One callback for every cork (no closure per client per tick): cork runs it synchronously.
    v.client.cork(this.writeTickOut);
  }

  /** Writes this tick's frames to `to` (inside its cork). */
  private readonly writeTickOut = (): void => {
    const { to, state, event, roster, pickups, pings } = this;
    if (!to) return;
    if (state) this.sendState(to);
    if (event) this.deps.members.sendTo(to, event);
    if (roster) this.deps.members.sendTo(to, roster);
    if (pickups) this.deps.members.sendTo(to, pickups);
    if (pings) this.deps.members.sendTo(to, pings);
  };

  private sendState(m: Viewer): void {
    const { states, stats } = this.deps;
    const { client, view } = m;
    // The queue (a spectator's acks) holds both the client's baseline claim and the ack (the seq of
    // the input it took last).
    const inputs = m.inputs;
    const skipped = client.bufferedAmount() > STATE_BACKPRESSURE_BYTES;
    const frame = skipped ? undefined : states.frameFor(view, inputs.baseTick, inputs.lastSeq);
    // Its acknowledged state stays a baseline (for when it drains, if skipped); after frameFor, which
    // moves the ack forward, so older states are not held one State longer.
    states.holdFor(view);
    if (frame === undefined) {
      stats.stateFramesSkipped += 1;
      return;
    }
    // A dropped frame never reaches the client, so it must not become a baseline.
    if (client.send(frame) === 2) stats.framesDropped += 1;
    else states.markSent(view);
  }
}
