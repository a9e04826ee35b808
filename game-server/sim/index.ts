/** The pure simulation core: plain data and functions, no sockets, no clocks, no randomness but the world's own. */
export * from './history.js';
export * from './match-flow.js';
export * from './match-timing.js';
export * from './pickups.js';
export * from './players.js';
export * from './rng.js';
export * from './snapshot.js';
export * from './standings.js';
export * from './step.js';
export * from './teams.js';
export * from './world.js';
