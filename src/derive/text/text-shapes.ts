import { isSpaceCodeUnit } from "./collapse-spaces.js";

/** Shapes of text lines shared by the raw-text steps: running text, headlines, subheadings. */

/** A list item: "- ...", "• ...". */
export const BULLET = /^[-•*·▪►]\s/u;

/** Running text: a sentence of some length with final punctuation, or a long run of words. */
export function isProse(text: string): boolean {
  const words = countWords(text, 25);
  if (words >= 25) return true;
  return words >= 8 && /[.!?…]["'”’»)\]]*$/u.test(text);
}

/** Could be a headline: a handful of words, capitalised, not ending like a sentence part. */
export function isHeadlineShaped(text: string): boolean {
  const words = countWords(text, 46);
  if (words < 2 || words > 45 || text.length < 8 || text.length > 320) return false;
  if (/[.,;:]$/u.test(text) && !/\.\.\.$|…$/u.test(text)) return false;
  if (!/^["'“‘«(\[]?[\p{Lu}\p{N}]/u.test(text)) return false;
  if (/https?:\/\//u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, "");
  // a short all-caps line is a kicker or section label ("WORLD NEWS"), not the headline
  if (letters === letters.toUpperCase() && words <= 3) return false;
  return true;
}

/** A subheading: a short capitalised line without final punctuation (a question mark is fine). */
export function isHeading(text: string): boolean {
  if (text.length > 120 || !/\p{L}/u.test(text)) return false;
  const words = countWords(text, 15);
  if (words < 1 || words > 14) return false;
  if (/[.,;:!"”'’)]$/u.test(text)) return false;
  return /^["'“‘]?[\p{Lu}\p{N}]/u.test(text);
}

/** Letters and digits outside ASCII: looked up once per character. */
const NON_ASCII_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Words with a letter or digit in them (runs of non-whitespace, as `split(/\s+/)` gives).
 * With `atMost`, counting stops there: callers comparing against a threshold need no more.
 */
export function countWords(text: string, atMost = Number.POSITIVE_INFINITY): number {
  let words = 0;
  let counted = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isSpaceCodeUnit(code)) {
      counted = false;
      continue;
    }
    if (index === 0 || isSpaceCodeUnit(text.charCodeAt(index - 1))) counted = false;
    if (counted || !isLetterOrDigitAt(text, index, code)) continue;
    counted = true;
    words += 1;
    if (words >= atMost) return words;
  }
  return words;
}

/** True when the character starting at `index` (a surrogate pair counts whole) is a letter or digit. */
function isLetterOrDigitAt(text: string, index: number, code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  const next = text.charCodeAt(index + 1);
  const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return NON_ASCII_LETTER_OR_DIGIT.test(pair ? text.slice(index, index + 2) : text[index]!);
}
