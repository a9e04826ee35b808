import { describe, expect, it } from 'vitest';
import { clockText, countdownDigit, roundLine, warmupText } from '../../game-client/render/round-label.js';
import { DEFAULT_KEY_BINDINGS } from '../../game-client/ui/key-bindings.js';
import { keyLabel, rebind } from '../../game-client/ui/settings-panel.js';
import { RoundPhase } from '../../protocol/index.js';

describe('round labels', () => {
  it('counts down 3, 2, 1 only in the countdown phase', () => {
    const at = (msLeft: number) => countdownDigit({ phase: RoundPhase.Countdown, msLeft, number: 2 });
    expect([at(2999), at(2000), at(1500), at(400), at(0)]).toEqual(['3', '2', '2', '1', '1']);
    expect(countdownDigit({ phase: RoundPhase.Playing, msLeft: 2000, number: 2 })).toBe('');
  });

  it('describes every phase', () => {
    expect(roundLine({ phase: RoundPhase.Playing, msLeft: 61_000, number: 3 })).toBe('Round 3 · 1:01');
    expect(roundLine({ phase: RoundPhase.Warmup, msLeft: 9_500, number: 1 })).toBe('Warm-up · 0:10');
    expect(roundLine({ phase: RoundPhase.Intermission, msLeft: 8_000, number: 3 })).toBe(
      'Next round in 0:08',
    );
    expect(warmupText({ phase: RoundPhase.Warmup, msLeft: 1, number: 1 })).toMatch(/WARM-UP/);
    expect(clockText(-5)).toBe('0:00');
  });
});

describe('key binding editor', () => {
  it('labels codes for people', () => {
    expect([keyLabel('KeyW'), keyLabel('ArrowUp'), keyLabel('Digit1'), keyLabel('Space')]).toEqual([
      'W',
      '↑',
      '1',
      'Space',
    ]);
  });

  it('rebinds the first key of an action and frees it elsewhere', () => {
    const b = rebind(DEFAULT_KEY_BINDINGS, 'up', 'KeyI');
    expect(b.up).toEqual(['KeyI', 'ArrowUp']);
    const c = rebind(b, 'fire', 'KeyI');
    expect(c.fire).toEqual(['KeyI']);
    expect(c.up).toEqual(['ArrowUp']);
  });
});
