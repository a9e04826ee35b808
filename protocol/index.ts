/**
 * Tickfire's wire protocol and shared rules: the single source of truth for both sides.
 * The server also imports validate.ts (untrusted-input validation) directly.
 */
export * from './baseline-ring.js';
export * from './codec.js';
export * from './constants.js';
export * from './delta-decode.js';
export * from './delta-encode.js';
export * from './handshake.js';
export * from './messages.js';
export * from './rules/arena.js';
export * from './rules/arenas.js';
export * from './rules/collision.js';
export * from './rules/movement.js';
export * from './rules/pickup-points.js';
export * from './rules/shots.js';
export * from './state-frame.js';
export * from './text.js';
export * from './wire-state.js';
