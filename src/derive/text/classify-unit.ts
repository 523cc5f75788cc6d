import { chromeKey, type CompiledRules } from "./compile-rules.js";
import { matchByline } from "./match-byline.js";
import { parseDateLine, type DateLine } from "./parse-date-line.js";
import { splitCaptionCredit, type CaptionCredit } from "./split-caption-credit.js";

/** What one unit of raw text is. */
export type UnitClass =
  | { kind: "chrome" }
  | { kind: "related-start" }
  | { kind: "weather" }
  | { kind: "figure"; figure: CaptionCredit }
  | { kind: "date"; date: DateLine }
  | { kind: "byline"; author: string }
  | { kind: "editor-note" }
  | { kind: "text" };

/** Units longer than this are running text: no chrome pattern is tried on them. */
const MAX_PATTERN_LENGTH = 700;

/**
 * Classifies one unit on its own: chrome (exact lines, site names, patterns), the start of a
 * related-links list, a weather reading, a figure caption/credit, a date line, a byline, an
 * editor's note, or text (headline, paragraph, heading: decided later from context).
 */
export function classifyUnit(
  text: string,
  rules: CompiledRules,
  options: { timeZone: string; siteNames: ReadonlySet<string>; chromeKey?: (text: string) => string },
): UnitClass {
  const key = (options.chromeKey ?? chromeKey)(text);
  if (key === "") return { kind: "chrome" };
  if (rules.relatedStarters.has(key)) return { kind: "related-start" };
  if (rules.chrome.has(key) || options.siteNames.has(key) || rules.siteNames.has(key)) return { kind: "chrome" };
  if (text.length <= MAX_PATTERN_LENGTH && rules.weatherPatterns.some((pattern) => pattern.test(text))) return { kind: "weather" };
  // Credits before chrome patterns: "JIM LO SCALZO / EPA / PAP" is not a breadcrumb, "© Reuters" not a copyright line.
  const figure = splitCaptionCredit(text, rules);
  if (figure) return { kind: "figure", figure };
  if (text.length <= MAX_PATTERN_LENGTH) {
    // Patterns are case-insensitive: a key that is the text with only A-Z lowered matches exactly when the text does.
    const keyDiffers = !differsOnlyInAsciiCase(text, key);
    if (rules.chromePatterns.some((pattern) => pattern.test(text) || (keyDiffers && pattern.test(key)))) return { kind: "chrome" };
  }
  const date = parseDateLine(text, rules, options);
  if (date) return { kind: "date", date };
  const author = matchByline(text, rules);
  if (author) return { kind: "byline", author };
  if (rules.editorNotes.some((pattern) => pattern.test(text))) return { kind: "editor-note" };
  return { kind: "text" };
}

const NON_ASCII = /[^\u0000-\u007F]/;

/** True when `lower` is `text` with some ASCII capitals A-Z lowered and nothing else changed. */
function differsOnlyInAsciiCase(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  // Lowering ASCII changes only A-Z, and a key of the same length lost nothing to trimming or collapsing.
  if (!NON_ASCII.test(text)) return true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const lowerCode = lower.charCodeAt(index);
    if (code !== lowerCode && !(code >= 0x41 && code <= 0x5a && lowerCode === code + 0x20)) return false;
  }
  return true;
}
