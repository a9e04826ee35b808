/** Server-run bots: pure decisions from what a player could see, producing the same inputs as a client. */
export * from './bot-brain.js';
export * from './bot-difficulty.js';
export * from './bot-names.js';
export * from './bot-view.js';
export * from './decide-bot-input.js';
export * from './line-of-sight.js';
export * from './plan-bot-count.js';
export * from './team-balance.js';
