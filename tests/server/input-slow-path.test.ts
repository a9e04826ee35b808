/**
 * A valid Input in an encoding the in-place scan does not read (seq as a msgpack float, 0xcb or 0xca)
 * takes the general decoder: it must still be queued, acked and rate-limited like any Input.
 */
import { describe, expect, it } from 'vitest';
import { ClientMsg, CloseCode, ServerMsg } from '../../protocol/index.js';
import { scanInputFrame } from '../../protocol/input-frame.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

type SeqEncoding = 'float64' | 'float32';

/** [Input, seq, keys 0, aim 0, baseTick 0, viewTime 0] with seq as float64 (0xcb) or float32 (0xca). */
function oddInput(seq: number, as: SeqEncoding): Uint8Array {
  const width = as === 'float32' ? 4 : 8;
  const b = new Uint8Array(3 + width + 4);
  const v = new DataView(b.buffer);
  b[0] = 0x96;
  b[1] = ClientMsg.Input;
  if (as === 'float64') {
    b[2] = 0xcb;
    v.setFloat64(3, seq);
  } else {
    b[2] = 0xca;
    v.setFloat32(3, seq);
  }
  // keys, aim, baseTick, viewTime: positive fixints 0 (the last 4 bytes are already 0).
  return b;
}

describe('Inputs the scan refuses but the decoder accepts', () => {
  for (const as of ['float64', 'float32'] as const) {
    it(`seq as ${as}: the Input is queued and acked by a State`, async () => {
      const server = await h.start();
      const c = await h.connect(server, { name: 'odd', room: { kind: 'quick' } });
      await c.nextMessage(ServerMsg.Welcome);
      const frame = oddInput(3, as);
      // The premise (tests/protocol/input-frame.test.ts checks the decoder side): the scan refuses it.
      expect(scanInputFrame(frame)).toBe(false);
      c.sendRaw(frame);
      const s = await c.nextState((st) => st.ack === 3);
      expect(s.ack).toBe(3);
    });
  }

  it('a flood of them is closed with 4003 like any Input flood', async () => {
    const server = await h.start();
    const c = await h.connect(server, { name: 'oddflood', room: { kind: 'quick' } });
    await c.nextMessage(ServerMsg.Welcome);
    for (let i = 1; i <= 1000; i++) c.sendRaw(oddInput(i, i % 2 === 0 ? 'float64' : 'float32'));
    const closed = await c.closed;
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(closed.reason).toBe('rate_limited: far too many inputs');
    expect(server.counters.count('ws_close', 'rate_limited')).toBe(1);
  });
});
