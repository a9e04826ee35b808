/** Sanitising of player-supplied text (names, chat, room names) before anyone else sees it. */

// Control characters, bidi overrides/isolates/marks, zero-width and BOM characters.
const UNSAFE_CHARS = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
const WHITESPACE_RUN = /\s+/gu;

/** Result of cleaning a piece of text: the cleaned text, or why it cannot be used. */
export type CleanText = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too_long' };

/**
 * Normalises (NFC), removes control and bidi-override characters, folds whitespace runs to one
 * space and trims. Length is counted in code points after cleaning.
 */
export function cleanText(raw: string, maxLength: number): CleanText {
  const text = raw
    .normalize('NFC')
    .replace(WHITESPACE_RUN, ' ')
    .replace(UNSAFE_CHARS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if ([...text].length > maxLength) return { ok: false, reason: 'too_long' };
  return { ok: true, text };
}
