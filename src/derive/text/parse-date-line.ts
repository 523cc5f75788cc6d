import type { CompiledRules } from "./compile-rules.js";
import { countWords } from "./text-shapes.js";
import { findTextDate, type TextDateMatch } from "./find-text-date.js";
import { isNameList, matchByline } from "./match-byline.js";

/** What a date line holds: the dates it states, and a byline written on the same line. */
export interface DateLine {
  published: TextDateMatch | null;
  updated: TextDateMatch | null;
  author: string | null;
  /** True when the date had a label ("Published:", "Posted on") rather than standing bare. */
  labelled: boolean;
}

/** Words a date line may hold besides the date itself. */
const FILLER_WORDS = new Set([
  "at", "on", "the", "of", "et", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "and", "time", "local", "date",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "h", "hrs", "uhr",
]);
const SEGMENT_SPLIT = /\s*[|•·⋅◦]\s*/u;
/** The mark SEGMENT_SPLIT needs: a part without one is a single segment, without running the split. */
const SEGMENT_MARK = /[|•·⋅◦]/u;
/** A segment that is chrome beside a date: "5 min read", "3 comments", "Reading time: 4 min". */
const DATE_LINE_EXTRAS = /^(?:\d+\s*(?:min|mins|minutes?)(?:\s+read)?|(?:reading|read) time:?\s*\d+.*|\d+\s*(?:comments?|shares?|views?)|updated|comments?|share|print)$/iu;

/**
 * Reads a line that is a date bar or a dateline with an optional label and byline:
 * "Tuesday, October 19, 2021", "Published: 19 October 2021 10:32 BST | Updated: ...",
 * "By Jane Doe | Oct. 19, 2021 10:32 AM EDT", "Posted on October 19, 2021 by Jane Doe".
 * Returns null when the line holds anything else besides (a body sentence that mentions
 * a date, a related link's headline with a date).
 */
export function parseDateLine(
  text: string,
  rules: CompiledRules,
  options: { timeZone: string },
): DateLine | null {
  if (text.length > 200) return null;
  const segments = mergeTimeSegments(
    text
      .split(rules.updatedLabelInside)
      .flatMap((part) => (SEGMENT_MARK.test(part) ? part.split(SEGMENT_SPLIT) : [part]))
      .map((part) => part.trim())
      .filter((part) => part !== ""),
  );
  const line: DateLine = { published: null, updated: null, author: null, labelled: false };
  let dates = 0;
  for (const segment of segments) {
    const read = readSegment(segment, rules, options.timeZone);
    if (read === "other") return null;
    if (read === "extra") continue;
    if (read.author && !line.author) line.author = read.author;
    if (!read.date) continue;
    dates += 1;
    if (read.kind === "updated") line.updated ??= read.date;
    else line.published ??= read.date;
    if (read.kind !== "bare") line.labelled = true;
  }
  return dates > 0 ? line : null;
}

type SegmentReading =
  | "other"
  | "extra"
  | { kind: "published" | "updated" | "bare"; date: TextDateMatch | null; author: string | null };

/** A segment that is only a clock time ("10:32 am", "at 14:05 CET") joins the segment before it. */
const TIME_ONLY = /^(?:at\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?|(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?)?$/iu;

function mergeTimeSegments(segments: string[]): string[] {
  const merged: string[] = [];
  for (const segment of segments) {
    if (merged.length > 0 && TIME_ONLY.test(segment)) merged[merged.length - 1] += ` ${segment}`;
    else merged.push(segment);
  }
  return merged;
}

function readSegment(segment: string, rules: CompiledRules, timeZone: string): SegmentReading {
  let rest = segment;
  let kind: "published" | "updated" | "bare" = "bare";
  const updated = rules.updatedLabelStart.exec(rest);
  const published = updated ? null : rules.publishedLabelStart.exec(rest);
  if (updated) {
    kind = "updated";
    rest = rest.slice(updated[0].length);
  } else if (published) {
    kind = "published";
    rest = rest.slice(published[0].length);
  }
  const date = findTextDate(rest, {
    timeZone,
    zones: rules.zones,
    numericDateOrder: rules.source.numericDateOrder,
  });
  if (!date) {
    const author = matchByline(segment, rules) ?? (isNameList(segment, rules) && !rules.agencyExact.test(segment) ? segment : null);
    if (author) return { kind, date: null, author };
    if (DATE_LINE_EXTRAS.test(segment)) return "extra";
    // a section label beside the date ("Politics | 19 October 2021")
    if (countWords(segment) <= 3 && !/[.!?]$/u.test(segment) && kind === "bare") return "extra";
    return "other";
  }
  let leftover = rest;
  for (const [start, end] of [...date.spans].sort((a, b) => b[0] - a[0])) {
    leftover = `${leftover.slice(0, start)} ${leftover.slice(end)}`;
  }
  // "Posted on October 19, 2021 by Jane Doe" / "by Jane Doe on October 19, 2021"
  let author: string | null = null;
  const byline = /(?:^|\s)(by\s+.+?)\s*(?:\bon\b|,|$)/iu.exec(leftover.replace(/[\s\-–—,]+$/u, "").trim());
  if (byline?.[1]) {
    // A blog's user name ("Posted on October 19, 2021 by admin") is an author too.
    author = matchByline(byline[1], rules) ?? /^by\s+([\p{L}\p{N}_.-]{2,30})$/iu.exec(byline[1])?.[1] ?? null;
    if (author) leftover = leftover.replace(byline[1], " ");
  }
  const words = leftover
    .split(/[\s,;:()[\]\-–—\/]+/u)
    // a country or zone code after the time ("10:32, UK") says where, not something else
    .filter((word) => !/^[A-Z]{2,3}$/u.test(word))
    .map((word) => word.toLowerCase())
    .filter((word) => /[\p{L}\p{N}]/u.test(word) && !FILLER_WORDS.has(word));
  if (words.length > 1) return "other";
  if (words.length === 1 && kind === "bare") return "other";
  return { kind, date, author };
}
