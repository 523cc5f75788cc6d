import { normaliseZone } from "../parse-date-value.js";
import { forEachMatch } from "./for-each-match.js";
import { isValidCalendarDate, wallTimeToIso, type WallTime } from "../zoned-date.js";

/** A date (with time when written) found in a piece of text. */
export interface TextDateMatch {
  iso: string;
  /** The character spans of the text used by the date, its time and zone. */
  spans: Array<[number, number]>;
  hasTime: boolean;
  /** True when an all-numeric date could be read either way and a configured order decided. */
  ambiguous: boolean;
}

export interface FindTextDateOptions {
  timeZone: string;
  zones: Record<string, string>;
  numericDateOrder: "dmy" | "mdy" | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH = "(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
const WEEKDAY = "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?,?\\s+)?";
const DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(?<year>\\d{4})";

/** Written date shapes, as data: each has named groups year, month (number or name), day. */
export const TEXT_DATE_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // 2021-10-19, 2021-10-19T10:32:00+02:00, 2021-10-19 10:32
  {
    name: "iso",
    pattern: /(?<![\d.\/-])(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:[T ](?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?\s*(?<offset>Z|[+-]\d{2}:?\d{2})?)?(?![\d\/-])/giu,
  },
  // Tuesday, October 19, 2021 / Oct. 19, 2021 / October 19 2021
  { name: "month-day-year", pattern: new RegExp(`(?<![\\p{L}\\d])${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}(?!\\d)`, "giu") },
  // 19 October 2021 / Monday, 18th October 2021 / Tue 19 Oct 2021 / 19th of October, 2021
  { name: "day-month-year", pattern: new RegExp(`(?<![\\p{L}\\d])${WEEKDAY}${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}(?!\\d)`, "giu") },
  // 2021/10/19
  { name: "year-slash", pattern: /(?<![\d.\/-])(?<year>\d{4})\/(?<month>\d{1,2})\/(?<day>\d{1,2})(?![\d\/])/gu },
  // 19.10.2021 (day first, as written in Europe)
  { name: "day-dot", pattern: /(?<![\d.\/-])(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})(?![\d.]\d)/gu },
  // 19/10/2021 or 10/19/2021: read only when unambiguous or a configured order says which
  { name: "numeric-slash", pattern: /(?<![\d.\/-])(?<first>\d{1,2})[\/-](?<second>\d{1,2})[\/-](?<year>\d{4})(?![\d\/])/gu },
];

/** A clock time, optional seconds, am/pm and zone: "10:32 AM EDT", "1:25 pm", "10.32 BST", "14:05 (CET)". */
const TIME_PATTERN =
  /(?<![\d:.])(?<hour>\d{1,2})(?:(?<sep>[:.h])(?<minute>\d{2}))?(?::(?<second>\d{2}))?(?!\d)\s*(?<ampm>[aApP]\.?\s?[mM]\.?(?![\p{L}]))?(?:\s*\(?(?<zone>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,5})\)?(?![\p{L}]))?/gu;

/**
 * Finds the first written date in `text` (English month names, ISO, numeric forms) and a
 * clock time next to it, and returns it as ISO 8601 with an offset: the written zone's when
 * given (abbreviations from `zones`), otherwise `timeZone`; a date alone is midnight.
 * Returns null when there is no complete date (a year is required).
 */
export function findTextDate(text: string, options: FindTextDateOptions): TextDateMatch | null {
  const found = firstDate(text, options);
  if (!found) return null;
  const time = found.hasTime ? writtenZoneAfter(text, found, options.zones) : findTime(text, found.span, options.zones);
  const wall: WallTime = { ...found.wall, ...(time?.wall ?? {}) };
  const zone = found.offset ?? time?.zone ?? options.timeZone;
  const iso = wallTimeToIso(wall, zone);
  if (!iso) return null;
  const spans: Array<[number, number]> = [found.span];
  if (time) spans.push(time.span);
  return { iso, spans, hasTime: Boolean(time) || found.hasTime, ambiguous: found.ambiguous };
}

interface FoundDate {
  wall: WallTime;
  span: [number, number];
  offset?: string;
  hasTime: boolean;
  ambiguous: boolean;
}

/** Every pattern's year is four digits and a date needs its year: text without four digits in a row holds none. */
const FOUR_DIGITS = /\d{4}/;

function firstDate(text: string, options: FindTextDateOptions): FoundDate | null {
  if (!FOUR_DIGITS.test(text)) return null;
  let best: FoundDate | null = null;
  for (const { name, pattern } of TEXT_DATE_PATTERNS) {
    forEachMatch(pattern, text, (match) => {
      const groups = match.groups ?? {};
      const read = readGroups(name, groups, options.numericDateOrder);
      if (!read) return true;
      const span: [number, number] = [match.index, match.index + match[0].length];
      if (!best || span[0] < best.span[0]) {
        best = { ...read, span };
      }
      return false;
    });
  }
  return best;
}

function readGroups(
  name: string,
  groups: Record<string, string | undefined>,
  order: "dmy" | "mdy" | null,
): Omit<FoundDate, "span"> | null {
  const year = Number(groups.year);
  let ambiguous = false;
  let month: number;
  let day: number;
  if (name === "numeric-slash") {
    const first = Number(groups.first);
    const second = Number(groups.second);
    if (first > 12 && second <= 12) [day, month] = [first, second];
    else if (second > 12 && first <= 12) [month, day] = [first, second];
    else if (first === second) [day, month] = [first, second];
    else if (order === "dmy") [day, month, ambiguous] = [first, second, true];
    else if (order === "mdy") [month, day, ambiguous] = [first, second, true];
    else return null;
  } else {
    const monthText = (groups.month ?? "").toLowerCase().replace(/\.$/, "");
    month = MONTHS[monthText] ?? Number(monthText);
    day = Number(groups.day);
  }
  if (!(year >= 1900 && year <= 2200)) return null;
  const wall: WallTime = { year, month, day };
  if (!isValidCalendarDate(year, month, day)) return null;
  const hasTime = groups.hour !== undefined;
  if (hasTime) {
    wall.hour = Number(groups.hour);
    wall.minute = Number(groups.minute);
    wall.second = groups.second === undefined ? 0 : Number(groups.second);
  }
  const offset = normaliseZone(groups.offset);
  return { wall, hasTime, ambiguous, ...(offset ? { offset } : {}) };
}

/** The clock time nearest the date (after it first, then before), with its zone if written. */
function findTime(
  text: string,
  dateSpan: [number, number],
  zones: Record<string, string>,
): { wall: Partial<WallTime>; zone?: string; span: [number, number] } | null {
  const candidates: Array<{ wall: Partial<WallTime>; zone?: string; span: [number, number]; distance: number }> = [];
  forEachMatch(TIME_PATTERN, text, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    if (start < dateSpan[1] && end > dateSpan[0]) return;
    const groups = match.groups ?? {};
    if (groups.minute === undefined && groups.ampm === undefined) return;
    // "10.32" is a time only with am/pm or a zone: otherwise it may be a number.
    if (groups.sep === "." && groups.ampm === undefined && groups.zone === undefined) return;
    let hour = Number(groups.hour);
    const minute = groups.minute === undefined ? 0 : Number(groups.minute);
    if (groups.ampm) {
      if (hour < 1 || hour > 12) return;
      const pm = /^p/i.test(groups.ampm);
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (hour > 23 || minute > 59) return;
    let zone: string | undefined;
    let matchedText = match[0];
    if (groups.zone) {
      zone = zoneFor(groups.zone, zones);
      if (!zone) matchedText = matchedText.slice(0, matchedText.lastIndexOf(groups.zone)).trimEnd();
    }
    const distance = start >= dateSpan[1] ? start - dateSpan[1] : dateSpan[0] - end + 0.5;
    if (distance > 40) return;
    candidates.push({
      wall: { hour, minute, second: groups.second === undefined ? 0 : Number(groups.second) },
      ...(zone ? { zone } : {}),
      span: [start, start + matchedText.length],
      distance,
    });
  });
  candidates.sort((a, b) => a.distance - b.distance);
  const nearest = candidates[0];
  if (!nearest) return null;
  const { distance: _distance, ...time } = nearest;
  return time;
}

/** An ISO-like date with a time may be followed by a zone abbreviation: "2021-10-19 09:00 CEST". */
function writtenZoneAfter(
  text: string,
  found: FoundDate,
  zones: Record<string, string>,
): { wall: Partial<WallTime>; zone?: string; span: [number, number] } | null {
  if (found.offset) return null;
  const after = /^\s*\(?([A-Z]{2,5})\)?(?![\p{L}])/u.exec(text.slice(found.span[1]));
  const zone = after?.[1] ? zones[after[1]] : undefined;
  if (!after || !zone) return null;
  return { wall: {}, zone, span: [found.span[1], found.span[1] + after[0].length] };
}

function zoneFor(written: string, zones: Record<string, string>): string | undefined {
  const compact = written.replace(/\s+/g, "");
  const named = zones[compact.toUpperCase()];
  if (named) return named;
  const gmtOffset = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(compact);
  if (gmtOffset) return `${gmtOffset[1]}${gmtOffset[2]!.padStart(2, "0")}:${gmtOffset[3] ?? "00"}`;
  return normaliseZone(compact);
}
