/** What the scenes of one match are started with: the session to read and the controls to fill. */

import type { SoundBoard } from '../audio/sound-board.js';
import type { Session } from '../net/session.js';
import type { Controls } from '../ui/controls.js';
import type { TouchControls } from '../ui/touch-controls.js';
import type { SpectatorFollow } from './spectator-follow.js';

/** A rendered entity, reported to automation each frame (px). */
export interface RenderedEntity {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

/** Scene start data for a match. */
export interface MatchContext {
  readonly session: Session;
  readonly controls: Controls;
  /** Called once per rendered frame with every player as drawn (own included). */
  readonly onFrame: (entities: readonly RenderedEntity[]) => void;
  /** The virtual sticks (their aim wins over the mouse while deflected). */
  readonly touch?: TouchControls;
  /** Sound effects of the world (shots, pickups). */
  readonly sounds?: SoundBoard;
  /** The spectator camera's target (spectators only). */
  readonly follow?: SpectatorFollow;
}

/** Narrows scene data to a MatchContext. */
export function isMatchContext(data: unknown): data is MatchContext {
  return typeof data === 'object' && data !== null && 'session' in data && 'controls' in data;
}
