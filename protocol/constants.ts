/** Wire and rule constants shared by server and client. Changing any of them changes the game or the wire. */

/** Bumped on any change to the wire format or to the shared rules. */
export const PROTOCOL_VERSION = 5;

/** Default simulation rate; the server may run another (it is announced in Welcome). */
export const DEFAULT_TICK_HZ = 30;

/** Positions travel as integers in 1/POSITION_SCALE px; the simulation keeps them on that grid. */
export const POSITION_SCALE = 16;
/** Angles travel as integers in 1/ANGLE_SCALE rad. */
export const ANGLE_SCALE = 1000;
/** Largest wire angle magnitude: round(PI * ANGLE_SCALE). */
export const MAX_WIRE_ANGLE = 3142;

/** Input key bits (a bitmask of held keys). */
export const Key = { Up: 1, Down: 2, Left: 4, Right: 8, Fire: 16 } as const;
/** All defined key bits; any other bit in an input is invalid. */
export const KEY_MASK = 31;

export const PLAYER_RADIUS_PX = 16;
export const PLAYER_SPEED_PX_S = 200;
export const PLAYER_MAX_HP = 100;

export const PROJECTILE_SPEED_PX_S = 900;
export const PROJECTILE_RADIUS_PX = 4;
export const PROJECTILE_DAMAGE = 20;
export const PROJECTILE_TTL_MS = 1200;
/** Minimum time between two shots of one player. */
export const FIRE_COOLDOWN_MS = 220;

export const RESPAWN_DELAY_MS = 2500;
/** A respawned player takes no damage for this long (and cannot be mistaken for an easy kill). */
export const SPAWN_PROTECTION_MS = 1500;

/** A round ends when a player reaches this many kills ... */
export const ROUND_KILL_TARGET = 15;
/** ... or when this much time has passed. */
export const ROUND_DURATION_MS = 180_000;
/** Scoreboard pause between rounds. */
export const ROUND_INTERMISSION_MS = 8_000;

/** Limits on untrusted input. */
export const MAX_CLIENT_FRAME_BYTES = 512;
export const MAX_NAME_LENGTH = 16;
export const MAX_CHAT_LENGTH = 200;
export const MAX_ROOM_NAME_LENGTH = 32;
export const MAX_PLAYERS_PER_ROOM_LIMIT = 64;
export const DEFAULT_MAX_PLAYERS_PER_ROOM = 16;
export const MAX_INPUT_SEQ = 0xffff_ffff;
/** Largest tick or server-time (ms) value on the wire (uint32). */
export const MAX_WIRE_UINT = 0xffff_ffff;
/** Largest round trip a Ping may report (ms); anything slower is shown as this. */
export const MAX_REPORTED_RTT_MS = 9_999;
/** Pings frames go out every this many ms (to the tick: tickHz * this / 1000 ticks). */
export const PINGS_INTERVAL_MS = 2_000;

/** Room codes: ROOM_CODE_LENGTH characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;

/** WebSocket endpoint path. */
export const WS_PATH = '/ws';
