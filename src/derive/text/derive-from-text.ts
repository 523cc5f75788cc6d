import type { ImageCredit } from "../../article.js";
import { cutSummary } from "../cut-summary.js";
import { classifyUnit, type UnitClass } from "./classify-unit.js";
import { chromeKey, compileRules, type CompiledRules } from "./compile-rules.js";
import { isNameList } from "./match-byline.js";
import { DEFAULT_TEXT_RULES } from "./rules.js";
import { splitUnits } from "./split-units.js";
import { stripSiteSuffix } from "./strip-site-suffix.js";
import type { DeriveTextOptions, DerivedText, TextBlock, TextUnit } from "./types.js";

/** A unit with its class and, once context is known, its role in the article. */
interface Classified {
  unit: TextUnit;
  cls: UnitClass;
  /** Inside a related-links list: never title, lead, body or date. */
  related: boolean;
}

/** A list item: "- ...", "• ...". */
const BULLET = /^[-•*·▪►]\s/u;

/** Short lines seen this many times are navigation or a site name, not article text. */
const REPEATED_CHROME_COUNT = 2;
const REPEATED_CHROME_MAX_WORDS = 3;

/**
 * Derives an article's title, dates, byline, lead, summary, image credits and body blocks
 * from plain text saved from a news page. Pure: no I/O, never throws on any input.
 * Steps: split into units -> classify each -> mark related-link lists -> pair captions with
 * credits -> find the headline -> find the lead -> dates and byline -> credits -> blocks.
 */
export function deriveFromText(text: string, options: DeriveTextOptions): DerivedText {
  const rules = compileRules(options.rules ?? DEFAULT_TEXT_RULES);
  const siteNames = new Set((options.siteNames ?? []).map(chromeKey).filter((name) => name !== ""));
  const classifyOptions = { timeZone: options.timeZone, siteNames };
  // Lines are classified once: single-line units reuse the class found while splitting.
  const classes = new Map<string, UnitClass>();
  const classify = (line: string): UnitClass => {
    let cls = classes.get(line);
    if (!cls) {
      cls = classifyUnit(line, rules, classifyOptions);
      classes.set(line, cls);
    }
    return cls;
  };
  const units = splitUnits(text, (line) => classify(line).kind !== "text");
  const classified = markRepeatedChrome(units.map((unit) => ({ unit, cls: classify(unit.text), related: false })));
  markRelatedLists(classified);
  pairCaptionsWithCredits(classified);

  const warnings: string[] = [];
  const titleIndex = findTitleIndex(classified, rules, siteNames);
  const leadIndex = findLeadIndex(classified, titleIndex);
  const bodyStart = findBodyStart(classified, leadIndex);
  const otherLines = new Set(
    classified.filter((item, index) => index !== titleIndex && item.cls.kind === "chrome").map((item) => chromeKey(item.unit.text)),
  );
  const titleUnit = titleIndex === -1 ? null : classified[titleIndex]!.unit;
  const title = titleUnit ? stripSiteSuffix(titleUnit.text, new Set([...rules.siteNames, ...siteNames]), otherLines) : null;
  if (!titleUnit) {
    warnings.push(
      `${options.fileName}: no headline found (the text starts with running text or only chrome); add a "title:" in front matter.`,
    );
  }

  const lines: DerivedText["lines"] = {};
  if (titleUnit) lines.title = titleUnit.line;
  const dates = findDates(classified, titleIndex, bodyStart);
  if (dates.published) lines.published = dates.published.line;
  if (dates.updated) lines.updated = dates.updated.line;
  for (const found of [dates.published, dates.updated]) {
    if (found?.ambiguous) {
      warnings.push(
        `${options.fileName}:${found.line}: the date ${found.text.trim()} could be read day-first or month-first; it was read as ${rules.source.numericDateOrder === "mdy" ? "month" : "day"} first.`,
      );
    }
  }
  const author = findAuthor(classified, bodyStart, dates.author) ?? findUnlabelledByline(classified, titleIndex, bodyStart, rules);
  if (author) lines.author = author.line;

  const lead = leadIndex === -1 ? null : classified[leadIndex]!.unit.text;
  const { imageCredits, mainImageCredit } = collectCredits(classified);
  const blocks = buildBlocks(classified, titleIndex, leadIndex, title);
  return {
    title,
    published: dates.published?.iso ?? null,
    updated: dates.updated?.iso ?? null,
    author: author?.name ?? null,
    lead,
    summary: lead === null ? null : cutSummary(lead, options.summaryLength),
    imageCredits,
    mainImageCredit,
    blocks,
    warnings,
    lines,
  };
}

/** Short text lines that repeat on the page (menus, site name, section labels) become chrome. */
function markRepeatedChrome(classified: Classified[]): Classified[] {
  const counts = new Map<string, number>();
  for (const { unit, cls } of classified) {
    if (cls.kind !== "text") continue;
    const key = chromeKey(unit.text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return classified.map((item) => {
    if (item.cls.kind !== "text") return item;
    const key = chromeKey(item.unit.text);
    const words = key.split(" ").length;
    if ((counts.get(key) ?? 0) >= REPEATED_CHROME_COUNT && words <= REPEATED_CHROME_MAX_WORDS) {
      return { ...item, cls: { kind: "chrome" } };
    }
    return item;
  });
}

/**
 * After "Related", "More articles", "Must read" and the like, the short lines that follow are
 * links to other articles (with their decoy dates) until running text, a date line, a byline
 * or a figure resumes the article.
 */
function markRelatedLists(classified: Classified[]): void {
  let inList = false;
  for (const item of classified) {
    const kind = item.cls.kind;
    if (kind === "related-start") {
      inList = true;
      continue;
    }
    if (!inList) continue;
    if (kind === "text" && isProse(item.unit.text)) inList = false;
    else if (kind === "byline" || kind === "figure" || kind === "editor-note") inList = false;
    else if (kind === "date" && item.cls.date.labelled) inList = false;
    else item.related = true;
  }
}

/**
 * A credit line next to a caption line becomes one figure: "Image source, Getty Images" +
 * "Image caption, Protesters ...", or a short caption line followed by "Photo: X" in the same chunk.
 */
function pairCaptionsWithCredits(classified: Classified[]): void {
  for (let index = 0; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "figure" || item.cls.figure.main) continue;
    const figure = item.cls.figure;
    const previous = classified[index - 1];
    const next = classified[index + 1];
    if (figure.caption === null && figure.credit !== null) {
      const partner = [previous, next].find(
        (other) => other?.cls.kind === "figure" && other.cls.figure.credit === null && other.cls.figure.caption !== null,
      );
      if (partner && partner.cls.kind === "figure") {
        partner.cls = { kind: "figure", figure: { ...partner.cls.figure, credit: figure.credit } };
        item.cls = { kind: "chrome" };
        continue;
      }
      if (
        previous &&
        previous.cls.kind === "text" &&
        previous.unit.chunk === item.unit.chunk &&
        previous.unit.text.length <= 300 &&
        !previous.related
      ) {
        previous.cls = { kind: "figure", figure: { caption: previous.unit.text, credit: figure.credit, main: false } };
        item.cls = { kind: "chrome" };
      }
    }
  }
}

/** Running text: a sentence of some length with final punctuation, or a long run of words. */
function isProse(text: string): boolean {
  const words = countWords(text);
  if (words >= 25) return true;
  return words >= 8 && /[.!?…]["'”’»)\]]*$/u.test(text);
}

/** Could be a headline: a handful of words, capitalised, not ending like a sentence part. */
function isHeadlineShaped(text: string): boolean {
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

/** A site name at the top of a page: in the lists, or short and title-cased with a longer headline after it. */
function looksLikeSiteName(text: string, rules: CompiledRules, siteNames: ReadonlySet<string>): boolean {
  const key = chromeKey(text);
  if (siteNames.has(key) || rules.siteNames.has(key)) return true;
  const words = text.split(/\s+/u);
  return words.length <= 4 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /^(of|the|and|on|in|for|de)$/u.test(word));
}

/** Headlines have at least this many words; shorter lines above one are section labels or menus. */
const HEADLINE_MIN_WORDS = 4;
const MAX_TITLE_CANDIDATES = 20;

/**
 * The headline: among the headline-shaped text units before the first running-text
 * paragraph, the first with at least four words that is not a site name above a longer
 * line; shorter lines ("World news", "Middle East") are menus and section labels, taken
 * only when nothing longer is there.
 */
function findTitleIndex(classified: Classified[], rules: CompiledRules, siteNames: ReadonlySet<string>): number {
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

/**
 * The lead: the first running-text paragraph after the headline (a standfirst directly under
 * the headline counts even without final punctuation), never chrome, caption, credit, date
 * line, byline or editor's note.
 */
function findLeadIndex(classified: Classified[], titleIndex: number): number {
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
function findBodyStart(classified: Classified[], leadIndex: number): number {
  if (leadIndex === -1) return classified.length;
  for (let index = leadIndex + 1; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind === "text" && !item.related && isProse(item.unit.text)) return index;
  }
  return classified.length;
}

interface FoundDate {
  iso: string;
  line: number;
  text: string;
  ambiguous: boolean;
}

/**
 * Publication date: a labelled date ("Published:", "Posted on") anywhere outside related
 * lists, else a bare date line in the header (the first under the headline, else the first
 * above it). Updated: the first "Updated" date.
 */
function findDates(
  classified: Classified[],
  titleIndex: number,
  bodyStart: number,
): { published: FoundDate | null; updated: FoundDate | null; author: { name: string; line: number } | null } {
  let labelled: FoundDate | null = null;
  let bare: FoundDate | null = null;
  let bareIndex = -1;
  let updated: FoundDate | null = null;
  let author: { name: string; line: number } | null = null;
  classified.forEach((item, index) => {
    if (item.cls.kind !== "date" || item.related) return;
    const { date } = item.cls;
    const found = (match: NonNullable<typeof date.published>): FoundDate => ({
      iso: match.iso,
      line: item.unit.line,
      text: item.unit.text,
      ambiguous: match.ambiguous,
    });
    if (date.published) {
      if (date.labelled) labelled ??= found(date.published);
      // the date under the headline wins over a date bar above it (which may be the day the page was saved)
      else if (index < bodyStart && (!bare || (bareIndex < titleIndex && index > titleIndex))) {
        bare = found(date.published);
        bareIndex = index;
      }
    }
    if (date.updated) updated ??= found(date.updated);
    if (date.author && (date.published || date.updated)) author ??= { name: date.author, line: item.unit.line };
  });
  return { published: labelled ?? bare, updated, author };
}

/** The byline: a "By ..." line in the header, else one anywhere outside related lists, else the date line's. */
function findAuthor(
  classified: Classified[],
  bodyStart: number,
  fromDateLine: { name: string; line: number } | null,
): { name: string; line: number } | null {
  let anywhere: { name: string; line: number } | null = null;
  for (let index = 0; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "byline" || item.related) continue;
    const found = { name: item.cls.author, line: item.unit.line };
    if (index < bodyStart) return found;
    anywhere ??= found;
  }
  return fromDateLine ?? anywhere;
}

/**
 * A byline without "By", as some sites print it: a line of only names, optionally "in City",
 * directly above or below the header's date line ("Joanna Kowalczyk in Warsaw"). The line
 * found is reclassified as a byline.
 */
function findUnlabelledByline(
  classified: Classified[],
  titleIndex: number,
  bodyStart: number,
  rules: CompiledRules,
): { name: string; line: number } | null {
  for (let index = 0; index < Math.min(bodyStart, classified.length); index += 1) {
    if (classified[index]!.cls.kind !== "date") continue;
    for (const step of [-1, 1]) {
      // chrome between the name and the date ("Jane Doe / Follow / 5 min read · Oct 19") is skipped
      let neighbour = index + step;
      while (classified[neighbour]?.cls.kind === "chrome") neighbour += step;
      const item = classified[neighbour];
      if (!item || neighbour === titleIndex || item.cls.kind !== "text" || item.related) continue;
      const names = item.unit.text.replace(/\s+(?:in|at|from)\s+\p{Lu}[\p{L} -]{1,40}$/u, "");
      if (countWords(names) <= 8 && isNameList(names, rules)) {
        // the line is the byline: keep it out of the body
        item.cls = { kind: "byline", author: names };
        return { name: names, line: item.unit.line };
      }
    }
  }
  return null;
}

/** Every caption/credit pair once, in order; the main photo's credit added when no pair has it. */
function collectCredits(classified: Classified[]): { imageCredits: ImageCredit[]; mainImageCredit: string | null } {
  const imageCredits: ImageCredit[] = [];
  const seen = new Set<string>();
  let labelledMain: string | null = null;
  let firstCredit: string | null = null;
  const figures = classified.flatMap((item) => (item.cls.kind === "figure" && !item.related ? [item.cls.figure] : []));
  for (const figure of figures) {
    if (figure.credit === null) continue;
    if (figure.main) labelledMain ??= figure.credit;
    else firstCredit ??= figure.credit;
  }
  const creditsWithCaption = new Set(figures.filter((f) => !f.main && f.credit !== null).map((f) => f.credit));
  for (const figure of figures) {
    if (figure.credit === null) continue;
    if (figure.main && creditsWithCaption.has(figure.credit)) continue;
    const key = `${figure.caption ?? ""}\u0000${figure.credit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    imageCredits.push({ caption: figure.caption, credit: figure.credit });
  }
  return { imageCredits, mainImageCredit: labelledMain ?? firstCredit };
}

/** Body blocks: paragraphs, subheadings and figures, without header, chrome and related lists. */
function buildBlocks(classified: Classified[], titleIndex: number, leadIndex: number, title: string | null): TextBlock[] {
  const blocks: TextBlock[] = [];
  // pages often print the headline twice (page title and heading): once is the title
  const titleKeys = new Set([titleIndex === -1 ? "" : chromeKey(classified[titleIndex]!.unit.text), title ? chromeKey(title) : ""]);
  const seenFigures = new Set<string>();
  classified.forEach((item, index) => {
    if (index === titleIndex || item.related) return;
    const { cls, unit } = item;
    if (cls.kind === "figure") {
      const key = `${cls.figure.caption ?? ""}\u0000${cls.figure.credit ?? ""}`;
      if (seenFigures.has(key)) return;
      seenFigures.add(key);
      blocks.push({ type: "figure", caption: cls.figure.caption, credit: cls.figure.credit });
      return;
    }
    if (cls.kind === "editor-note") {
      blocks.push({ type: "paragraph", text: unit.text });
      return;
    }
    if (cls.kind !== "text" || titleKeys.has(chromeKey(unit.text))) return;
    // a line without a letter ("0", "12 345") is a counter, not text
    if (!/\p{L}/u.test(unit.text)) return;
    // Between the headline and the lead, short lines are page furniture (kickers, taglines);
    // a "key points" list and running text are kept.
    if (leadIndex !== -1 && index < leadIndex && !BULLET.test(unit.text) && !isProse(unit.text)) return;
    if (index !== leadIndex && isHeading(unit.text)) blocks.push({ type: "heading", text: unit.text });
    else blocks.push({ type: "paragraph", text: unit.text });
  });
  return blocks;
}

/** A subheading: a short capitalised line without final punctuation (a question mark is fine). */
function isHeading(text: string): boolean {
  if (!/\p{L}/u.test(text)) return false;
  const words = countWords(text);
  if (words < 1 || words > 14 || text.length > 120) return false;
  if (/[.,;:!"”'’)]$/u.test(text)) return false;
  return /^["'“‘]?[\p{Lu}\p{N}]/u.test(text);
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
