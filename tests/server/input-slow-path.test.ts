/**
 * A valid Input in an encoding the in-place scan does not read (seq as a msgpack float, 0xcb or 0xca)
 * takes the general decoder: it must still be queued, acked and rate-limited like any Input.
 */
import { describe, expect, it } from 'vitest';
import { ClientMsg, CloseCode, ServerMsg } from '../../protocol/index.js';
import { scanInputFrame } from '../../protocol/input-frame.js';
import { decodeClientMsg } from '../../protocol/validate.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

type SeqEncoding = 'float64' | 'float32' | 'uint64';

/** [Input, seq, keys 0, aim 0, baseTick 0, viewTime 0] with seq as float64 (0xcb), float32 (0xca) or uint64 (0xcf). */
function oddInput(seq: number, as: SeqEncoding): Uint8Array {
  const width = as === 'float32' ? 4 : 8;
  const b = new Uint8Array(3 + width + 4);
  const v = new DataView(b.buffer);
  b[0] = 0x96;
  b[1] = ClientMsg.Input;
  if (as === 'float64') {
    b[2] = 0xcb;
    v.setFloat64(3, seq);
  } else if (as === 'float32') {
    b[2] = 0xca;
    v.setFloat32(3, seq);
  } else {
    b[2] = 0xcf;
    v.setBigUint64(3, BigInt(seq));
  }
  // keys, aim, baseTick, viewTime: positive fixints 0 (the last 4 bytes are already 0).
  return b;
}

describe('Inputs the scan refuses but the decoder accepts', () => {
  it('the scan refuses a float seq and the decoder accepts it (a uint64 seq it refuses: a bigint is no number)', () => {
    for (const as of ['float64', 'float32'] as const) {
      const frame = oddInput(7, as);
      expect(scanInputFrame(frame)).toBe(false);
      expect(decodeClientMsg(frame)).toEqual({ ok: true, msg: [ClientMsg.Input, 7, 0, 0, 0, 0] });
    }
    const u64 = oddInput(7, 'uint64');
    expect(scanInputFrame(u64)).toBe(false);
    expect(decodeClientMsg(u64)).toEqual({ ok: false, reason: 'bad_input: field 1' });
  });

  for (const as of ['float64', 'float32'] as const) {
    it(`seq as ${as}: the Input is queued and acked by a State`, async () => {
      const server = await h.start();
      const c = await h.connect(server, { name: 'odd', room: { kind: 'quick' } });
      await c.nextMessage(ServerMsg.Welcome);
      c.sendRaw(oddInput(3, as));
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
