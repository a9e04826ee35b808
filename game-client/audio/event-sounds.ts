/** Maps a session's game events to sound effects, panned and attenuated by distance from the listener. */
import { EventKind, type GameEvent } from '../../protocol/index.js';
import type { Session } from '../net/session.js';
import type { PlayOptions, SoundBoard } from './sound-board.js';

/** Beyond this distance (px) other players' events are silent. */
const HEARING_PX = 1200;

/** Pan and volume of a sound at (x, y) heard from (ex, ey). */
export function spatial(x: number, y: number, ex: number, ey: number): PlayOptions {
  const dist = Math.hypot(x - ex, y - ey);
  return { pan: Math.max(-1, Math.min(1, (x - ex) / 640)), volume: Math.max(0, 1 - dist / HEARING_PX) };
}

/** Plays the sounds of `session`'s events on `sounds`; returns an unsubscribe function. */
export function bindEventSounds(
  session: Session,
  sounds: SoundBoard,
  listenerId: () => number | null,
): () => void {
  const at = (id: number, scale = 1): PlayOptions => {
    const ear = session.lastFrame?.me ?? session.buffer.latest?.players.get(listenerId() ?? -1);
    const p = session.buffer.latest?.players.get(id);
    if (!ear || !p) return { volume: 0.5 * scale };
    const s = spatial(p.x, p.y, ear.x, ear.y);
    return { pan: s.pan, volume: (s.volume ?? 1) * scale };
  };
  return session.on('game', (e: GameEvent) => {
    const me = session.room?.playerId ?? null;
    switch (e[0]) {
      case EventKind.Hit:
        if (e[1] === me || e[2] === me) sounds.play('hit');
        else sounds.play('hit', at(e[2], 0.4));
        break;
      case EventKind.Kill:
        if (e[1] === me) sounds.play('death');
        else if (e[2] === me) sounds.play('kill');
        else sounds.play('kill', at(e[1], 0.35));
        break;
      case EventKind.Spawn:
        if (e[1] === me) sounds.play('respawn');
        break;
      case EventKind.PickupTaken:
        if (e[1] === me) sounds.play('pickup');
        else sounds.play('pickup', at(e[1], 0.4));
        break;
      case EventKind.RoundStart:
        sounds.play('roundStart');
        break;
      case EventKind.RoundEnd:
        sounds.play('roundEnd');
        break;
      case EventKind.Countdown:
        sounds.play('click');
        break;
    }
  });
}
