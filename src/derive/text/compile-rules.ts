import { collapseSpaces } from "./collapse-spaces.js";
import type { TextRules } from "./rules.js";

/** TextRules turned into the sets and regular expressions the matchers use. */
export interface CompiledRules {
  source: TextRules;
  chrome: Set<string>;
  chromePatterns: RegExp[];
  weatherPatterns: RegExp[];
  relatedStarters: Set<string>;
  /** Matches a whole string that is one agency name. */
  agencyExact: RegExp;
  /** Finds an agency name as a whole word anywhere. */
  agencyAnywhere: RegExp;
  /** `^label[:.,]?\s+` for credit labels, longest first; group 1 is the label. */
  creditLabelStart: RegExp;
  /** A credit label inside a line, after a caption: `. Photo: X`, ` Photograph: X`. */
  creditLabelInside: RegExp;
  mainCreditLabelStart: RegExp;
  captionLabelStart: RegExp;
  bylineLabelStart: RegExp;
  publishedLabelStart: RegExp;
  updatedLabelStart: RegExp;
  /** Splits a line before an updated label. */
  updatedLabelInside: RegExp;
  editorNotes: RegExp[];
  zones: Record<string, string>;
  siteNames: Set<string>;
}

const cache = new WeakMap<TextRules, CompiledRules>();

/** Compiles rules once per rules object (cached), so every line is matched with ready regexes. */
export function compileRules(rules: TextRules): CompiledRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const compiled: CompiledRules = {
    source: rules,
    chrome: new Set(rules.chrome.map(chromeKey)),
    chromePatterns: rules.chromePatterns.flatMap((source) => safeRegExp(source, "iu")),
    weatherPatterns: rules.weatherPatterns.flatMap((source) => safeRegExp(source, "iu")),
    relatedStarters: new Set(rules.relatedStarters.map(chromeKey)),
    agencyExact: new RegExp(`^(?:${alternation(rules.agencies)})$`, "iu"),
    agencyAnywhere: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(rules.agencies)})(?![\\p{L}\\p{N}])`, "iu"),
    creditLabelStart: new RegExp(`^[(\\[]?(${alternation(rules.creditLabels)})(?:\\s*[:：]\\s*|\\.{2,}\\s*|…\\s*|,\\s+|(?<=(?:\\bby|\\bof|courtesy|\\.))\\s+)(?=\\S)`, "iu"),
    creditLabelInside: new RegExp(
      `(?:^|[\\s.,;!?”"')\\]])\\s*[(\\[]?((?:${alternation(rules.creditLabels.map(capitaliseFirst))}))(?:\\s*[:：]\\s*|\\.{2,}\\s*|…\\s*|(?<=(?:\\bby|\\bof|courtesy|\\.))\\s+)(?=\\S)`,
      "gu",
    ),
    mainCreditLabelStart: new RegExp(`^(${alternation(rules.mainCreditLabels)})\\s*(?:[:：,-]\\s*|\\s+)(?=\\S)`, "iu"),
    captionLabelStart: new RegExp(`^(${alternation(rules.captionLabels)})\\s*[:：,]\\s*(?=\\S)`, "iu"),
    bylineLabelStart: new RegExp(`^(${alternation(rules.bylineLabels)})(?:\\s*[:：]\\s*|\\s+)(?=\\S)`, "iu"),
    publishedLabelStart: new RegExp(`^(${alternation(rules.publishedLabels)})\\b\\s*[:：]?\\s*`, "iu"),
    updatedLabelStart: new RegExp(`^(${alternation(rules.updatedLabels)})\\b\\s*[:：]?\\s*`, "iu"),
    updatedLabelInside: new RegExp(`(?<=\\S)(?<!\\blast)\\s*[,;.]?\\s+(?=(?:${alternation(rules.updatedLabels)})\\b)`, "iu"),
    editorNotes: rules.editorNotePatterns.flatMap((source) => safeRegExp(source, "iu")),
    zones: Object.fromEntries(Object.entries(rules.timeZoneAbbreviations).map(([k, v]) => [k.toUpperCase(), v])),
    siteNames: new Set(rules.siteNames.map(chromeKey)),
  };
  cache.set(rules, compiled);
  return compiled;
}

/** Characters trimmed from both ends of a chrome key: a space, dashes, bullets, pipes, arrows, colons, brackets. */
const CHROME_EDGE: ReadonlySet<number> = new Set([..." -\u2013\u2014\u2022\u00B7*|\u00BB\u203A>:_=#~[](){}"].map((char) => char.charCodeAt(0)));

/**
 * The comparison key for chrome and site names: lower case, without surrounding dashes,
 * bullets, pipes, arrows, colons, brackets and spaces ("- Advertisement -", "[Advertisement]"
 * -> "advertisement").
 */
export function chromeKey(text: string): string {
  const lower = text.toLowerCase();
  const spaced = collapseSpaces(lower);
  // Only single spaces are left, so trimming the key characters by code unit is the same as the pattern.
  let start = 0;
  let end = spaced.length;
  while (start < end && CHROME_EDGE.has(spaced.charCodeAt(start))) start += 1;
  while (end > start && CHROME_EDGE.has(spaced.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === spaced.length ? spaced : spaced.slice(start, end);
}

/**
 * A chromeKey that remembers its answers: one per derivation, so each unit's key is worked
 * out once although several steps ask for it.
 */
export function memoChromeKey(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = chromeKey(text);
      keys.set(text, key);
    }
    return key;
  };
}

/** Escapes literal strings into one regex alternation, longest first so "AP Photo" wins over "AP". */
function alternation(words: readonly string[]): string {
  const unique = [...new Set(words.filter((word) => word.trim() !== ""))];
  unique.sort((a, b) => b.length - a.length);
  return unique.map(escapeForRegExp).map((word) => word.replace(/\\ /g, "\\s+").replace(/ /g, "\\s+")).join("|") || "(?!)";
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function capitaliseFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A user's pattern that is not a valid regex is skipped rather than crashing a build. */
function safeRegExp(source: string, flags: string): RegExp[] {
  try {
    return [new RegExp(source, flags)];
  } catch {
    return [];
  }
}
