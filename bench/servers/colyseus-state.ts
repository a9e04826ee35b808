/** Colyseus schema of the workload: ArenaState { players: MapSchema<Player> }. */
import { type SchemaType, schema, t } from '@colyseus/schema';

/** One player as Colyseus syncs it (only changed fields travel). */
export const Player = schema(
  {
    id: t.uint8(),
    x: t.float32(),
    y: t.float32(),
    angle: t.float32(),
    hp: t.uint8(),
    score: t.uint16(),
    lastSeq: t.uint32(),
  },
  'Player',
);
export type Player = SchemaType<typeof Player>;

/** Room state: players keyed by session id. */
export const ArenaState = schema({ players: t.map(Player) }, 'ArenaState');
export type ArenaState = SchemaType<typeof ArenaState>;

/** Creates an empty room state. */
export function createArenaState(): ArenaState {
  return new ArenaState();
}
