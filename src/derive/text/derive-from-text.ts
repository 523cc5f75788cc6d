import { cutSummary } from "../cut-summary.js";
import { buildBlocks } from "./build-blocks.js";
import { classifyUnit, type UnitClass } from "./classify-unit.js";
import { collectCredits } from "./collect-credits.js";
import { chromeKey, compileRules, memoChromeKey } from "./compile-rules.js";
import { findAuthor, findUnlabelledByline } from "./find-author.js";
import { findDates } from "./find-dates.js";
import { findBodyStart, findLeadIndex } from "./find-lead.js";
import { findTitleIndex } from "./find-title.js";
import { markRelatedLists } from "./mark-related-lists.js";
import { markRepeatedChrome } from "./mark-repeated-chrome.js";
import { pairCaptionsWithCredits } from "./pair-captions-with-credits.js";
import { DEFAULT_TEXT_RULES } from "./rules.js";
import { splitUnits } from "./split-units.js";
import { stripSiteSuffix } from "./strip-site-suffix.js";
import type { DeriveTextOptions, DerivedText } from "./types.js";

/**
 * Derives an article's title, dates, byline, lead, summary, image credits and body blocks
 * from plain text saved from a news page. Pure: no I/O, never throws on any input.
 * Steps: split into units -> classify each -> mark related-link lists -> pair captions with
 * credits -> find the headline -> find the lead -> dates and byline -> credits -> blocks.
 */
export function deriveFromText(text: string, options: DeriveTextOptions): DerivedText {
  const rules = compileRules(options.rules ?? DEFAULT_TEXT_RULES);
  const siteNames = new Set((options.siteNames ?? []).map(chromeKey).filter((name) => name !== ""));
  const keyOf = memoChromeKey();
  const classifyOptions = { timeZone: options.timeZone, siteNames, chromeKey: keyOf };
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
  const classified = markRepeatedChrome(units.map((unit) => ({ unit, cls: classify(unit.text), related: false })), keyOf);
  markRelatedLists(classified);
  pairCaptionsWithCredits(classified, rules);

  const warnings: string[] = [];
  const titleIndex = findTitleIndex(classified, rules, siteNames);
  const leadIndex = findLeadIndex(classified, titleIndex);
  const bodyStart = findBodyStart(classified, leadIndex);
  const otherLines = new Set(
    classified.filter((item, index) => index !== titleIndex && item.cls.kind === "chrome").map((item) => keyOf(item.unit.text)),
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
  const blocks = buildBlocks(classified, titleIndex, leadIndex, title, keyOf);
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
