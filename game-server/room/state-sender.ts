/** The State send path of a room: snapshot once per tick, delta per acknowledged baseline, ack spliced per client. */
import {
  BASELINE_RING_TICKS,
  BaselineRing,
  EMPTY_STATE,
  FrameStore,
  StateEncoder,
  type WireState,
} from '../../protocol/index.js';
import type { World } from '../sim/index.js';
import { InterestView, WatchAllView } from './interest.js';
import { buildWireState } from './wire-snapshot.js';

/** Bits in each of a view's two sent-tick masks: 30, so each is a Smi even on a V8 with 31-bit Smis. */
const SENT_BITS = 30;
const SENT_MASK = (1 << SENT_BITS) - 1;
/**
 * How many ticks back from the last one sent a claim can still be accepted: that tick and the 60
 * before it (2 s at 30 Hz; clients ack within 2-5 ticks). The room ring holds the 64 ticks before
 * the current one, but a claim 62-64 ticks old is ignored (the client keeps its older ack if still
 * held, else gets a full frame).
 */
export const SENT_WINDOW_TICKS = 2 * SENT_BITS + 1;

/**
 * No tick: a Smi above any tick, so `usable` stays a Smi field. Ticks pass it after 2^30 - 1 ticks
 * (about 414 days of one room at 30 Hz); from then on the room ring is no longer pruned early and
 * simply holds its last BASELINE_RING_TICKS states: more memory, no wrong frame (a baseline is still
 * looked up by its exact tick).
 */
const NO_TICK = 0x3fffffff;

/**
 * Most states kept for recycling. Usually one state leaves the ring per tick and the next snapshot
 * takes it; after a burst (a lagging client's ack moving 60 ticks on) the rest are left to the GC.
 */
const MAX_SPARE_STATES = 4;

/**
 * Which states a client is sent: the room's shared ones ('shared', a room without interest
 * management), only the entities near its player ('near', interest management), or every entity,
 * kept in its own ring like a 'near' view's ('all': a spectator of an interest room, whose room keeps
 * no shared states).
 */
export type StateScope = 'shared' | 'near' | 'all';

/**
 * What the room keeps per client for State: which recent ticks were really handed to its socket (the
 * only baselines it may be sent deltas against), what it acked, and its interest view. The states
 * themselves are the room's (StateSender's ring), shared by all its clients: keeping a ring per client
 * cost a write barrier per client per tick (a young state stored into an old array) and two more
 * objects to fetch from memory. So what a view writes per tick is Smis only (`interest` is set once),
 * all declared here to stay in-object. An interest view keeps its own filtered states
 * (InterestView.sent), as each client's differ.
 */
export class ClientStateView {
  /** The newest tick this client acknowledged (0: none), its baseline while the ring holds it. */
  private ackedTick = 0;
  /** The newest tick sent to this client (0: none). */
  private lastSentTick = 0;
  /** Bit k-1 set: tick lastSentTick - k was sent (k = 1..30). */
  private sentNear = 0;
  /** Bit k-31 set: tick lastSentTick - k was sent (k = 31..60). */
  private sentFar = 0;
  readonly interest: InterestView | undefined;

  constructor(playerId: number, scope: StateScope) {
    this.interest =
      scope === 'near'
        ? new InterestView(playerId)
        : scope === 'all'
          ? new WatchAllView(playerId)
          : undefined;
  }

  /**
   * The baseline for a frame of `tick`: the acknowledged state if `states` (the room's ring; an
   * interest view uses its own) still holds it, else nothing (a full frame). `claimed` is the client's
   * latest baseTick (the newest State it says it received); a claim of a tick never sent to this
   * client, or sent more than SENT_WINDOW_TICKS ago, is ignored. A client whose ack is older than the
   * room ring (one skipped for backpressure for 2 s) gets a full frame.
   */
  baseline(tick: number, claimed: number, states: BaselineRing<WireState>): WireState {
    const acked = this.ackedTick;
    const own = this.interest?.sent;
    const ring = own ?? states;
    if (claimed > acked && this.wasSent(claimed)) {
      // Usually the claim is new and held (the client acks every State): one ring read, and the
      // claimed state is the baseline itself.
      const c = ring.get(claimed);
      if (c !== undefined) {
        // Acks only move forward, so this client's older states can never be a baseline again.
        own?.forgetRange(acked, claimed);
        this.ackedTick = claimed;
        return c.tick < tick ? c : EMPTY_STATE;
      }
    }
    const b = ring.get(acked);
    return b !== undefined && b.tick < tick ? b : EMPTY_STATE;
  }

  /** The oldest tick whose state this client may still use: its ack, or before it acks, the oldest it may claim. */
  oldestUsable(): number {
    return this.ackedTick > 0 ? this.ackedTick : this.lastSentTick - (SENT_WINDOW_TICKS - 1);
  }

  /** True if the State of `tick` was sent to this client within the last SENT_WINDOW_TICKS. */
  wasSent(tick: number): boolean {
    const k = this.lastSentTick - tick;
    if (k === 0) return tick > 0;
    if (k > 0 && k <= SENT_BITS) return ((this.sentNear >>> (k - 1)) & 1) === 1;
    if (k > SENT_BITS && k <= 2 * SENT_BITS) return ((this.sentFar >>> (k - 1 - SENT_BITS)) & 1) === 1;
    return false;
  }

  /** Records that the State of `tick` went out to this client. */
  markSent(tick: number): void {
    const last = this.lastSentTick;
    const d = tick - last;
    if (d === 0) return;
    let near = this.sentNear;
    let far = this.sentFar;
    // Both masks move d ticks back (as one 60-bit mask: near's top bits move into far).
    if (d > 0 && d < SENT_BITS) {
      far = ((far << d) | (near >>> (SENT_BITS - d))) & SENT_MASK;
      near = (near << d) & SENT_MASK;
    } else if (d >= SENT_BITS && d < 2 * SENT_BITS) {
      far = (near << (d - SENT_BITS)) & SENT_MASK;
      near = 0;
    } else {
      far = 0;
      near = 0;
    }
    // The previous last tick is now d ticks back.
    if (last > 0 && d > 0) {
      if (d <= SENT_BITS) near |= 1 << (d - 1);
      else if (d <= 2 * SENT_BITS) far |= 1 << (d - 1 - SENT_BITS);
    }
    this.sentNear = near;
    this.sentFar = far;
    this.lastSentTick = tick;
  }
}

/** Counters of the State path. */
export interface StateSendStats {
  fullFrames: number;
  deltaFrames: number;
  /** Frame bodies encoded, full or delta (once per distinct baseline per tick, or per client with interest management). */
  encodings: number;
}

/** Builds each tick's state and the frames of every client. */
export class StateSender {
  readonly stats: StateSendStats = { fullFrames: 0, deltaFrames: 0, encodings: 0 };
  private latest: WireState | undefined;
  /**
   * The room's states of the last BASELINE_RING_TICKS ticks before the current one that some client
   * may still use, shared by all its clients (ClientStateView records which of them each was sent):
   * the baselines of their deltas. Only rooms without interest management use it, and `usable`,
   * `forgotten` and `holdFor` with it: in an interest room it stays empty (each InterestView keeps
   * its client's own filtered states and drops them as that client acks), so they change nothing.
   */
  private readonly states = new BaselineRing<WireState>(BASELINE_RING_TICKS, (s) => {
    if (this.spare.length < MAX_SPARE_STATES) this.spare.push(s);
  });
  /**
   * States the ring let go of, which no client can use any more: the next snapshots are written over
   * them (buildWireState's `recycled`), so a tick allocates no entity tuples. Without this, states that a
   * lagging or not yet acknowledging client kept alive for a while teach V8 to allocate every later
   * state in the old generation (allocation-site pretenuring), and each one then dies there: a major
   * GC every few seconds instead of states dying young.
   */
  private readonly spare: WireState[] = [];
  /** The oldest tick a client seen since `begin` may still use (oldestUsable): older states are dropped. */
  private usable = NO_TICK;
  /** The ring's ticks below this one are already forgotten. */
  private forgotten = 0;
  private encoder: StateEncoder | undefined;
  /** The state carried by the frame `frameFor` built last. */
  private framed: WireState | undefined;
  /** The bytes of this tick's frames, reused every tick (the last tick's frames were sent: uWS copies). */
  private readonly store = new FrameStore();

  constructor(readonly interest: boolean) {}

  /** Snapshots `world` for this tick's State frames. */
  begin(world: World, serverTime: number): void {
    const prev = this.latest;
    // Only rooms without interest management share states (an interest view keeps its own).
    if (prev !== undefined && !this.interest) this.archive(prev);
    this.usable = NO_TICK;
    // An interest room's states (never in the ring) share tuples with its views' filtered ones.
    this.latest = buildWireState(world, serverTime, prev, this.interest ? undefined : this.spare.pop());
    this.store.reset();
    this.encoder = new StateEncoder(this.latest, this.store);
  }

  /**
   * Puts `prev` into the room ring (its tick's frames are done, so the ring holds at most the 64 ticks
   * before the current one), and drops the states older than the oldest tick any `holdFor` since the
   * last `begin` held: no client may use them any more. Once all clients acked past a state it goes
   * at once, so most states die young (in a scavenge) instead of living 64 ticks into the old
   * generation.
   */
  private archive(prev: WireState): void {
    this.states.put(prev);
    const to = Math.min(this.usable, prev.tick);
    if (to > this.forgotten) {
      this.states.forgetRange(this.forgotten, to);
      this.forgotten = to;
    }
  }

  /**
   * Holds the states `view` may still use in the room ring past the next `begin`: call it each State
   * tick for every client (whether its frame is sent or skipped), else its baseline is dropped and it
   * gets a full frame.
   */
  holdFor(view: ClientStateView): void {
    const t = view.oldestUsable();
    if (t < this.usable) this.usable = t;
  }

  /**
   * The State frame for `view` (whose latest baseTick claim is `claimed` and last applied input `ack`).
   * The bytes are reused by a later call (and by the next tick's frames): send them at once (uWS
   * copies), then call `markSent(view)` if they left.
   */
  frameFor(view: ClientStateView, claimed: number, ack: number): Uint8Array {
    const full = this.latest as WireState;
    const base = view.baseline(full.tick, claimed, this.states);
    const stats = this.stats;
    if (base === EMPTY_STATE) stats.fullFrames += 1;
    else stats.deltaFrames += 1;
    const interest = view.interest;
    if (interest === undefined) {
      this.framed = full;
      const encoder = this.encoder as StateEncoder;
      const before = encoder.encodings;
      const frame = encoder.transientFrame(base, ack);
      stats.encodings += encoder.encodings - before;
      return frame;
    }
    const mine = interest.filter(full);
    this.framed = mine;
    stats.encodings += 1;
    return new StateEncoder(mine, this.store).transientFrame(base, ack);
  }

  /** Records that the frame last built by `frameFor` for `view` reached its socket (it may be a baseline now). */
  markSent(view: ClientStateView): void {
    const framed = this.framed;
    if (framed === undefined) return;
    view.markSent(framed.tick);
    view.interest?.sent.put(framed);
  }
}
