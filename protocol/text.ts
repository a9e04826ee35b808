/** Sanitising of player-supplied text (names, chat, room names) before anyone else sees it. */

// Control characters, lone surrogates, bidi overrides/isolates/marks (incl. U+061C), zero-width and BOM
// characters, invisible fillers that make blank-looking names (soft hyphen, CGJ, Hangul fillers,
// Mongolian vowel separator, interlinear annotations), tag characters and noncharacters.
// Built from a string: some of these are combining characters, which a regex literal's class would misread.
const UNSAFE_CHARS = new RegExp(
  '[\\p{Cc}\\p{Cs}\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F' +
    '\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0E\\uFEFF\\uFFA0\\uFFF0-\\uFFFB\\u{E0000}-\\u{E007F}' +
    '\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]',
  'gu',
);
const WHITESPACE_RUN = /\s+/gu;
/** Most combining marks kept on one base character: enough for real scripts, not for "zalgo" towers. */
const MAX_COMBINING_MARKS = 3;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu');
// Marks with nothing to sit on (at the start, or after a space) are dropped.
const ORPHAN_MARKS = /(^|\s)\p{M}+/gu;
/** Raw input longer than this (UTF-16 units) is refused before any work: no field allows that much. */
const MAX_RAW_UNITS = 4096;

/** Result of cleaning a piece of text: the cleaned text, or why it cannot be used. */
export type CleanText = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too_long' };

/**
 * Normalises (NFC), removes control, bidi-override, invisible and tag characters, caps combining marks
 * per character, folds whitespace runs to one space and trims. Length is counted in code points after
 * cleaning.
 */
export function cleanText(raw: string, maxLength: number): CleanText {
  if (raw.length > MAX_RAW_UNITS) return { ok: false, reason: 'too_long' };
  const text = raw
    .normalize('NFC')
    .replace(WHITESPACE_RUN, ' ')
    .replace(UNSAFE_CHARS, '')
    .replace(MARK_RUN, '$1')
    .replace(ORPHAN_MARKS, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if ([...text].length > maxLength) return { ok: false, reason: 'too_long' };
  return { ok: true, text };
}
