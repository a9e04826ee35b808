/** What the HUD says about the round phase: the clock line and the big centre text (warm-up, 3-2-1). */
import { RoundPhase } from '../../protocol/index.js';
import type { RoundView } from '../net/snapshot.js';

/** m:ss of a duration in ms, rounded up. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The line under the top of the screen for this round state. */
export function roundLine(round: RoundView): string {
  switch (round.phase) {
    case RoundPhase.Playing:
      return `Round ${round.number} · ${clockText(round.msLeft)}`;
    case RoundPhase.Warmup:
      return round.msLeft > 0 ? `Warm-up · ${clockText(round.msLeft)}` : 'Warm-up';
    case RoundPhase.Countdown:
      return `Round ${round.number} starting`;
    default:
      return `Next round in ${clockText(round.msLeft)}`;
  }
}

/** The big countdown digit ("3", "2", "1") while counting down, else ''. */
export function countdownDigit(round: RoundView): string {
  if (round.phase !== RoundPhase.Countdown) return '';
  return String(Math.max(1, Math.ceil(round.msLeft / 1000)));
}

/** The warm-up banner while warming up, else ''. */
export function warmupText(round: RoundView): string {
  return round.phase === RoundPhase.Warmup ? 'WARM-UP — shots do not count yet' : '';
}
