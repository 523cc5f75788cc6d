import { ABBREVIATIONS } from "./abbreviations.js";

const ABBREVIATION_SET = new Set(ABBREVIATIONS);
const ELLIPSIS = "…";
/** Characters after a sentence end that decide it is one: a space, an opening quote, a capital (maybe two code units), with room to spare. */
const SENTENCE_END_LOOKAHEAD = 8;

/**
 * Cuts plain text to at most `maxLength` characters at the last sentence end that fits,
 * so a summary never stops mid-sentence when a whole sentence fits. When even the first
 * sentence is longer, cuts at the last whole word and appends an ellipsis: never mid-word.
 * Abbreviations ("Gen.", "Dr.", "U.S.", "e.g.") and initials do not end sentences.
 * Whitespace is collapsed first.
 */
export function cutSummary(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  // Only ends within maxLength count, and whether one is an end depends on at most the few
  // characters after it (a space, an opening quote, a capital): the rest of a long text is not scanned.
  const ends = sentenceEnds(clean.slice(0, maxLength + SENTENCE_END_LOOKAHEAD)).filter((end) => end <= maxLength);
  const lastEnd = ends.at(-1);
  if (lastEnd !== undefined) return clean.slice(0, lastEnd).trim();
  return cutAtWord(clean, maxLength - ELLIPSIS.length) + ELLIPSIS;
}

/**
 * Offsets just past each sentence-ending punctuation mark (with any closing quotes or
 * brackets) that is followed by whitespace and then something that can start a sentence.
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const boundary = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}¿¡–—-])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && !match[0].startsWith("..") && endsWithAbbreviation(text, match.index)) continue;
    ends.push(end);
  }
  const last = text.trimEnd();
  if (/[.!?…]["'”’»)\]]*$/u.test(last) && ends.at(-1) !== last.length) ends.push(last.length);
  return ends;
}

/** True when the word before the dot at `dotIndex` is an abbreviation, an initial or a dotted acronym. */
function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  // The word is the run of non-whitespace ending at the dot (what /(\S+)$/ finds in the text before it).
  let start = dotIndex;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start -= 1;
  const word = text.slice(start, dotIndex);
  const bare = word.replace(/^["'“‘(\[]+/u, "");
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true; // U.S, e.g, i.e, a.m
  return ABBREVIATION_SET.has(bare.toLowerCase());
}

function cutAtWord(text: string, maxLength: number): string {
  const slice = text.slice(0, Math.max(0, maxLength + 1));
  const lastSpace = slice.lastIndexOf(" ");
  const cut = lastSpace > 0 ? slice.slice(0, lastSpace) : text.slice(0, Math.max(1, maxLength));
  return cut.replace(/[\s,;:–—-]+$/u, "");
}
