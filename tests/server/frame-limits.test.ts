import { describe, expect, it } from 'vitest';
import {
  CHAT_FLOOD_BURST,
  CHAT_FLOOD_PER_S,
  FrameLimits,
  INPUT_BURST_TICKS,
  INPUT_RATE_FACTOR,
  PING_BURST,
  PING_PER_S,
} from '../../game-server/net/frame-limits.js';
import { ClientMsg, type ClientMsgKind } from '../../protocol/index.js';

/** How many frames of `kind` in a row the limits take before refusing one. */
function takeUntilRefused(take: (kind: ClientMsgKind) => boolean, kind: ClientMsgKind): number {
  let n = 0;
  while (take(kind) && n < 10_000) n++;
  return n;
}

describe('frame limits', () => {
  it('allow each kind its burst, then refill it at its own rate', () => {
    let t = 123_456.789;
    const limits = new FrameLimits(30, () => t);
    const input = limits.freshInput();
    const messages = limits.freshMessages();
    const take = (kind: ClientMsgKind) =>
      kind === ClientMsg.Input ? limits.takeInput(input) : limits.takeMessage(messages, kind);
    expect(takeUntilRefused(take, ClientMsg.Input)).toBe(INPUT_BURST_TICKS * 30);
    expect(takeUntilRefused(take, ClientMsg.Chat)).toBe(CHAT_FLOOD_BURST);
    expect(takeUntilRefused(take, ClientMsg.Ping)).toBe(PING_BURST);
    t += 1000;
    expect(takeUntilRefused(take, ClientMsg.Input)).toBe(INPUT_RATE_FACTOR * 30);
    expect(takeUntilRefused(take, ClientMsg.Chat)).toBe(CHAT_FLOOD_PER_S);
    expect(takeUntilRefused(take, ClientMsg.Ping)).toBe(PING_PER_S);
  });

  it('let inputs at twice the tick rate through forever, and refuse a flood once its burst is spent', () => {
    const tickHz = 30;
    let t = 0;
    const limits = new FrameLimits(tickHz, () => t);
    const bucket = limits.freshInput();
    for (let i = 0; i < 600; i++) {
      t += 1000 / (INPUT_RATE_FACTOR * tickHz);
      expect(limits.takeInput(bucket)).toBe(true);
    }
    // A flood of 1 frame/ms from a full bucket: it drains by 1 - refill frames a ms, so the burst
    // lasts burst / (1 - refill) ms (96 at 30 Hz), not much more than INPUT_BURST_TICKS * tickHz ms.
    const burst = INPUT_BURST_TICKS * tickHz;
    const refillPerMs = (INPUT_RATE_FACTOR * tickHz) / 1000;
    const lasts = Math.ceil(burst / (1 - refillPerMs));
    let refusedAt = -1;
    for (let i = 0; i < 10 * lasts && refusedAt < 0; i++) {
      t += 1;
      if (!limits.takeInput(bucket)) refusedAt = i;
    }
    expect(refusedAt).toBeGreaterThanOrEqual(burst);
    expect(refusedAt).toBeLessThanOrEqual(lasts);
  });
});
