/** A client-side State decoder for room tests (not a test file: shared by the State path's tests). */
import {
  applyStateMsg,
  BaselineRing,
  ServerMsg,
  type StateMsg,
  type WireState,
} from '../../protocol/index.js';
import type { FakeClient } from '../helpers/fake-client.js';

/** A client that decodes State frames against the baselines it received, as the browser does. */
export class Decoder {
  readonly ring = new BaselineRing();
  readonly states = new Map<number, WireState>();
  latest = 0;
  seen = 0;
  readonly baseAges: number[] = [];
  constructor(readonly client: FakeClient) {}
  /** Decodes the frames received since the last call (how many); every one must decode. */
  drain(): number {
    const frames = this.client.of(ServerMsg.State);
    const from = this.seen;
    for (; this.seen < frames.length; this.seen++) {
      const msg = frames[this.seen] as StateMsg;
      const r = applyStateMsg(msg, (t) => this.ring.get(t));
      if (!r.ok) throw new Error(`tick ${msg[1]}: ${r.reason}`);
      this.ring.put(r.state);
      this.states.set(r.state.tick, r.state);
      this.baseAges.push(msg[4]);
      this.latest = Math.max(this.latest, r.state.tick);
    }
    return this.seen - from;
  }
}
