import { describe, expect, it } from 'vitest';
import { InputSender, type SentInput } from '../../game-client/net/input-sender.js';
import { angleToWire, Key } from '../../protocol/index.js';

function make(tickHz: number, keys = Key.Up, aimRad = 1) {
  const sent: SentInput[] = [];
  const sender = new InputSender({ tickHz, read: () => ({ keys, aimRad }), send: (i) => sent.push(i) });
  return { sender, sent };
}

describe('InputSender', () => {
  it('numbers inputs 1, 2, 3, ... and sends the held keys and aim in wire units', () => {
    const { sender, sent } = make(30);
    sender.update(0);
    sender.update(34);
    sender.update(67);
    expect(sent.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(sent[0]).toEqual({ seq: 1, keys: Key.Up, aim: angleToWire(1) });
  });

  it('sends exactly tickHz inputs per second whatever the frame timing, without drift', () => {
    const { sender, sent } = make(30);
    let t = 0;
    // Irregular frames: 7..23 ms.
    for (let i = 0; t < 10_000; i++) {
      sender.update(t);
      t += 7 + ((i * 37) % 17);
    }
    sender.update(10_000 - 1e-9);
    expect(sent.length).toBe(300);
    expect(sender.seq).toBe(300);
  });

  it('one update per frame at 144 Hz still sends at the tick rate', () => {
    const { sender, sent } = make(60);
    for (let t = 0; t <= 5000; t += 1000 / 144) sender.update(t);
    expect(sent.length).toBeGreaterThanOrEqual(300);
    expect(sent.length).toBeLessThanOrEqual(301);
  });

  it('after a long stall sends at most maxCatchUpTicks inputs at once, then resumes the rate', () => {
    const { sender, sent } = make(30);
    sender.update(0);
    expect(sender.update(5000)).toBe(3);
    const before = sent.length;
    for (let t = 5016; t <= 6000; t += 16) sender.update(t);
    sender.update(6000);
    expect(sent.length - before).toBe(30);
  });

  it('reports the time until the next input', () => {
    const { sender } = make(20);
    expect(sender.msUntilNext(0)).toBe(0);
    sender.update(0);
    expect(sender.msUntilNext(10)).toBe(40);
  });
});
