import type { Classified } from "./classified.js";
import { BULLET, countWords, isProse } from "./text-shapes.js";

/**
 * The lead: the first running-text paragraph after the headline (a standfirst directly under
 * the headline counts even without final punctuation), never chrome, caption, credit, date
 * line, byline or editor's note.
 */
export function findLeadIndex(classified: Classified[], titleIndex: number): number {
  let firstTextAfterTitle = true;
  for (let index = titleIndex + 1; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "text" || item.related) continue;
    const text = item.unit.text;
    const words = countWords(text);
    const standfirst = firstTextAfterTitle && titleIndex !== -1 && words >= 8 && !/[,;:]$/u.test(text);
    firstTextAfterTitle = false;
    // a "key points" bullet list above the article is not its lead
    if (BULLET.test(text)) continue;
    if (isProse(text) || standfirst) return index;
    // a short first paragraph ("It was a long night.") leads when running text follows it
    if (words >= 6 && /[.!?…]["'”’»)\]]*$/u.test(text) && nextTextIsProse(classified, index)) return index;
  }
  return -1;
}

function nextTextIsProse(classified: Classified[], index: number): boolean {
  for (let next = index + 1; next < classified.length; next += 1) {
    const item = classified[next]!;
    if (item.cls.kind === "chrome") continue;
    return item.cls.kind === "text" && !item.related && isProse(item.unit.text);
  }
  return false;
}

/** The first running-text paragraph after the lead: units before it are the article's header. */
export function findBodyStart(classified: Classified[], leadIndex: number): number {
  if (leadIndex === -1) return classified.length;
  for (let index = leadIndex + 1; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind === "text" && !item.related && isProse(item.unit.text)) return index;
  }
  return classified.length;
}
