/** The server's structured logger (pino), configured from Config. */
import { type Logger, pino } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

/** Creates the root logger at the configured level. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ name: 'tickfire', level: config.logLevel });
}
