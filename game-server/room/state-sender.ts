/** The State send path of a room: snapshot once per tick, delta per acknowledged baseline, ack spliced per client. */
import { BaselineRing, EMPTY_STATE, FrameStore, StateEncoder, type WireState } from '../../protocol/index.js';
import type { World } from '../sim/index.js';
import { InterestView } from './interest.js';
import { buildWireState } from './wire-snapshot.js';

/**
 * What the room keeps per client for State: the states really handed to its socket, by tick (the only
 * baselines it may be sent deltas against), what it acked, and its interest view. The view is itself
 * the ring, so building a client's frame fetches one object less.
 */
export class ClientStateView extends BaselineRing<WireState> {
  private ackedTick = 0;
  readonly interest: InterestView | undefined;

  constructor(playerId: number, interest: boolean) {
    super();
    this.interest = interest ? new InterestView(playerId) : undefined;
  }

  /**
   * The baseline for a frame of `tick`: the acknowledged state if still held, else nothing (a full
   * frame). `claimed` is the client's latest baseTick (the newest State it says it received); a claim
   * of a tick never sent to this client is ignored.
   */
  baseline(tick: number, claimed: number): WireState {
    const acked = this.ackedTick;
    if (claimed > acked) {
      // Usually the claim is new and held (the client acks every State): one ring read, and the
      // claimed state is the baseline itself.
      const c = this.get(claimed);
      if (c !== undefined) {
        // Acks only move forward, so older states can never be a baseline again.
        this.forgetRange(acked, claimed);
        this.ackedTick = claimed;
        return c.tick < tick ? c : EMPTY_STATE;
      }
    }
    const b = this.get(acked);
    return b !== undefined && b.tick < tick ? b : EMPTY_STATE;
  }

  /** Records that `state` went out to this client. */
  markSent(state: WireState): void {
    this.put(state);
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
  private encoder: StateEncoder | undefined;
  /** The state carried by the frame `frameFor` built last. */
  private framed: WireState | undefined;
  /** The bytes of this tick's frames, reused every tick (the last tick's frames were sent: uWS copies). */
  private readonly store = new FrameStore();

  constructor(readonly interest: boolean) {}

  /** Snapshots `world` for this tick's State frames. */
  begin(world: World, serverTime: number): void {
    this.latest = buildWireState(world, serverTime, this.latest);
    this.store.reset();
    this.encoder = new StateEncoder(this.latest, this.store);
  }

  /**
   * The State frame for `view` (whose latest baseTick claim is `claimed` and last applied input `ack`).
   * The bytes are reused by a later call (and by the next tick's frames): send them at once (uWS
   * copies), then call `markSent(view)` if they left.
   */
  frameFor(view: ClientStateView, claimed: number, ack: number): Uint8Array {
    const full = this.latest as WireState;
    const base = view.baseline(full.tick, claimed);
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
    if (this.framed) view.markSent(this.framed);
  }
}
