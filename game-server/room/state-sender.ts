/** The State send path of a room: snapshot once per tick, delta per acknowledged baseline, ack spliced per client. */
import { BaselineRing, EMPTY_STATE, StateEncoder, type WireState } from '../../protocol/index.js';
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
    if (claimed > this.ackedTick && this.get(claimed)) {
      // Acks only move forward, so older states can never be a baseline again.
      this.forgetRange(this.ackedTick, claimed);
      this.ackedTick = claimed;
    }
    const b = this.get(this.ackedTick);
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

  constructor(readonly interest: boolean) {}

  /** Snapshots `world` for this tick's State frames. */
  begin(world: World, serverTime: number): void {
    this.latest = buildWireState(world, serverTime, this.latest);
    this.encoder = new StateEncoder(this.latest);
  }

  /**
   * The State frame for `view` (whose latest baseTick claim is `claimed` and last applied input `ack`).
   * The bytes are reused by a later call: send them at once (uWS copies), then call `markSent(view)`
   * if they left.
   */
  frameFor(view: ClientStateView, claimed: number, ack: number): Uint8Array {
    const full = this.latest as WireState;
    const base = view.baseline(full.tick, claimed);
    if (base === EMPTY_STATE) this.stats.fullFrames += 1;
    else this.stats.deltaFrames += 1;
    if (!view.interest) {
      this.framed = full;
      const encoder = this.encoder as StateEncoder;
      const before = encoder.encodings;
      const frame = encoder.transientFrame(base, ack);
      this.stats.encodings += encoder.encodings - before;
      return frame;
    }
    const mine = view.interest.filter(full);
    this.framed = mine;
    this.stats.encodings += 1;
    return new StateEncoder(mine).transientFrame(base, ack);
  }

  /** Records that the frame last built by `frameFor` for `view` reached its socket (it may be a baseline now). */
  markSent(view: ClientStateView): void {
    if (this.framed) view.markSent(this.framed);
  }
}
