/** What chat a room accepts (a per-player token bucket, then the protocol's text cleaning) and where it goes. */
import { cleanText, MAX_CHAT_LENGTH, NoticeCode, type NoticeCodeValue } from '../../protocol/index.js';
import { chatFrame, noticeFrame } from './frames.js';
import type { RoomMembers, Viewer } from './room-members.js';
import type { RoomStats } from './room-types.js';
import { TokenBucket } from './token-bucket.js';

/** Chat rate limit: a burst of CHAT_BURST lines, refilled at CHAT_REFILL_PER_S. */
export const CHAT_BURST = 5;
export const CHAT_REFILL_PER_S = 1;

/** A new per-player chat limiter on clock `now`. */
export function createChatLimiter(now: () => number): TokenBucket {
  return new TokenBucket(CHAT_BURST, CHAT_REFILL_PER_S, now);
}

/** The cleaned line to publish, or the notice for its sender. */
export type ChatVerdict = { ok: true; text: string } | { ok: false; notice: NoticeCodeValue; text: string };

/** Screens one raw chat line from a player whose limiter is `bucket`. */
export function screenChat(bucket: TokenBucket, raw: string): ChatVerdict {
  if (!bucket.take()) {
    return {
      ok: false,
      notice: NoticeCode.ChatRateLimited,
      text: `rate_limited: at most ${CHAT_BURST} lines at once, then ${CHAT_REFILL_PER_S} per second`,
    };
  }
  const cleaned = cleanText(raw, MAX_CHAT_LENGTH);
  if (cleaned.ok) return { ok: true, text: cleaned.text };
  const why = cleaned.reason === 'empty' ? 'empty message' : `at most ${MAX_CHAT_LENGTH} characters`;
  return { ok: false, notice: NoticeCode.ChatRejected, text: `${cleaned.reason}: ${why}` };
}

/**
 * Handles one raw chat line from `from`: a line that passes is sent to every viewer (stamped with
 * `serverTime()`); a refused one is counted in `stats` and answered with a Notice to its sender only.
 */
export function relayChat(
  from: Viewer,
  raw: string,
  members: RoomMembers,
  stats: RoomStats,
  serverTime: () => number,
): void {
  const verdict = screenChat(from.chat, raw);
  if (verdict.ok) {
    members.broadcast(chatFrame(from.id, from.name, verdict.text, serverTime()));
    return;
  }
  if (verdict.notice === NoticeCode.ChatRateLimited) stats.chatRateLimited += 1;
  else stats.chatRejected += 1;
  members.sendTo(from, noticeFrame(verdict.notice, verdict.text));
}
