import type { Classified } from "./classified.js";
import { chromeKey, type CompiledRules } from "./compile-rules.js";
import { countWords, isHeadlineShaped, isProse } from "./text-shapes.js";

/** Headlines have at least this many words; shorter lines above one are section labels or menus. */
const HEADLINE_MIN_WORDS = 4;
const MAX_TITLE_CANDIDATES = 20;

/**
 * The headline: among the headline-shaped text units before the first running-text
 * paragraph, the first with at least four words that is not a site name above a longer
 * line; shorter lines ("World news", "Middle East") are menus and section labels, taken
 * only when nothing longer is there.
 */
export function findTitleIndex(classified: Classified[], rules: CompiledRules, siteNames: ReadonlySet<string>): number {
  const candidates: number[] = [];
  for (let index = 0; index < classified.length && candidates.length < MAX_TITLE_CANDIDATES; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "text" || item.related) continue;
    const text = item.unit.text;
    if (isHeadlineShaped(text)) candidates.push(index);
    else if (isProse(text)) break;
  }
  const words = (index: number) => countWords(classified[index]!.unit.text);
  const long = candidates.filter((index) => words(index) >= HEADLINE_MIN_WORDS);
  for (const [position, index] of long.entries()) {
    const next = long[position + 1];
    const text = classified[index]!.unit.text;
    const siteAbove =
      next !== undefined &&
      looksLikeSiteName(text, rules, siteNames) &&
      words(next) > words(index) &&
      !/[.]$/u.test(classified[next]!.unit.text);
    if (!siteAbove) return index;
  }
  if (candidates.length > 0) return candidates[0]!;
  return headlineAfterRelatedList(classified);
}

/**
 * When a related-links list ("Must read", "Trending") comes before the article, its last
 * headline-shaped line before the running text is the article's headline: it and the header
 * lines after it (date, byline) are taken out of the list.
 */
function headlineAfterRelatedList(classified: Classified[]): number {
  let last = -1;
  for (let index = 0; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "text") continue;
    if (!item.related && isProse(item.unit.text)) break;
    if (item.related && isHeadlineShaped(item.unit.text) && countWords(item.unit.text) >= HEADLINE_MIN_WORDS) last = index;
  }
  if (last === -1) return -1;
  for (let index = last; index < classified.length && classified[index]!.related; index += 1) classified[index]!.related = false;
  return last;
}

/** A site name at the top of a page: in the lists, or short and title-cased with a longer headline after it. */
function looksLikeSiteName(text: string, rules: CompiledRules, siteNames: ReadonlySet<string>): boolean {
  const key = chromeKey(text);
  if (siteNames.has(key) || rules.siteNames.has(key)) return true;
  const words = text.split(/\s+/u);
  return words.length <= 4 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /^(of|the|and|on|in|for|de)$/u.test(word));
}
