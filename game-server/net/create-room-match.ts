/** The match fields of POST /api/rooms (`mode`, `bots`, `difficulty`) and the room options they become. */
import { z } from 'zod';
import type { GameModeCode } from '../../protocol/index.js';
import { BOT_DIFFICULTIES, type BotDifficulty } from '../bots/index.js';
import type { NewRoom } from '../room/room-registry.js';

/** Most players a room may be filled up to with bots (`bots`). */
export const MAX_BOTS_FIELD = 15;

/** The validated match fields of a creation request. */
export interface MatchRequest {
  readonly mode: GameModeCode;
  /** Minimum player count to fill with bots; 0: no bots. */
  readonly bots: number;
  readonly difficulty: BotDifficulty;
}

/** Zod fields merged into the POST /api/rooms body schema, with reasons people can read. */
export const matchFields = {
  mode: z.enum(['ffa', 'tdm'], { message: "must be 'ffa' or 'tdm'" }).default('ffa'),
  bots: z
    .number({ message: `must be an integer from 0 to ${MAX_BOTS_FIELD}` })
    .int({ message: `must be an integer from 0 to ${MAX_BOTS_FIELD}` })
    .min(0, { message: `must be an integer from 0 to ${MAX_BOTS_FIELD}` })
    .max(MAX_BOTS_FIELD, { message: `must be an integer from 0 to ${MAX_BOTS_FIELD}` })
    .default(0),
  difficulty: z
    .enum(BOT_DIFFICULTIES as [BotDifficulty, ...BotDifficulty[]], {
      message: `must be one of ${BOT_DIFFICULTIES.map((d) => `'${d}'`).join(', ')}`,
    })
    .default('normal'),
};

/** The room options of a match request. */
export function toMatchOptions(m: MatchRequest): NonNullable<NewRoom['match']> {
  return { mode: m.mode, bots: m.bots > 0 ? { minPlayers: m.bots, difficulty: m.difficulty } : null };
}
