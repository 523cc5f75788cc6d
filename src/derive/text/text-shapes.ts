/** Shapes of text lines shared by the raw-text steps: running text, headlines, subheadings. */

/** A list item: "- ...", "• ...". */
export const BULLET = /^[-•*·▪►]\s/u;

/** Running text: a sentence of some length with final punctuation, or a long run of words. */
export function isProse(text: string): boolean {
  const words = countWords(text);
  if (words >= 25) return true;
  return words >= 8 && /[.!?…]["'”’»)\]]*$/u.test(text);
}

/** Could be a headline: a handful of words, capitalised, not ending like a sentence part. */
export function isHeadlineShaped(text: string): boolean {
  const words = countWords(text);
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
  const words = countWords(text);
  if (words < 1 || words > 14) return false;
  if (/[.,;:!"”'’)]$/u.test(text)) return false;
  return /^["'“‘]?[\p{Lu}\p{N}]/u.test(text);
}

/** A whole word (starting after whitespace or at the start, so a long run without letters is not rescanned) with a letter or digit. */
const WORD_WITH_LETTER_OR_DIGIT = /(?<!\S)\S*[\p{L}\p{N}]\S*/gu;

/** Words with a letter or digit in them. */
export function countWords(text: string): number {
  // Each match is one whole whitespace-separated word: a run without a letter or digit never matches.
  return text.match(WORD_WITH_LETTER_OR_DIGIT)?.length ?? 0;
}
