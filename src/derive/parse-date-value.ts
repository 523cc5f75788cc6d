import { wallTimeToIso } from "./zoned-date.js";

/**
 * Date shapes people write in front matter, as data. Each pattern's named groups feed
 * a wall-clock reading; `zone` (Z, +02:00, +0200, -04) overrides the configured zone.
 */
const FRONT_MATTER_DATE_PATTERNS: RegExp[] = [
  // 2017-07-24, 2017-07-24T18:36, 2017-07-24T18:36:00.123+02:00, 2017-07-24 18:36:00 +0200 (Jekyll)
  /^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:[T ]+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?)?\s*(?<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i,
  // 2017/07/24 and 2017/07/24 18:36
  /^(?<year>\d{4})\/(?<month>\d{1,2})\/(?<day>\d{1,2})(?:\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?)?\s*(?<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i,
];

/**
 * Reads a front-matter date value (string, TOML date, or `Date`) as ISO 8601 with an offset.
 * A value without a zone is read in `timeZone`; one with a zone keeps its own offset.
 * Returns null when the value is not a date this function understands.
 */
export function parseDateValue(value: unknown, timeZone: string): string | null {
  if (value instanceof Date) {
    // smol-toml's TomlDate keeps the written form (local date, local date-time or offset) in toISOString().
    if (Number.isNaN(value.getTime())) return null;
    return parseDateString(value.toISOString(), timeZone);
  }
  if (typeof value !== "string") return null;
  return parseDateString(value.trim(), timeZone);
}

function parseDateString(text: string, timeZone: string): string | null {
  for (const pattern of FRONT_MATTER_DATE_PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const zone = normaliseZone(groups.zone) ?? timeZone;
    return wallTimeToIso(
      {
        year: Number(groups.year),
        month: Number(groups.month),
        day: Number(groups.day),
        hour: groups.hour === undefined ? 0 : Number(groups.hour),
        minute: groups.minute === undefined ? 0 : Number(groups.minute),
        second: groups.second === undefined ? 0 : Number(groups.second),
      },
      zone,
    );
  }
  return null;
}

/** Turns `Z`, `UTC`, `+0200`, `+02`, `+02:00` into a fixed offset `+HH:MM`; undefined stays undefined. */
export function normaliseZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  if (/^(z|utc|gmt)$/i.test(zone)) return "+00:00";
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  return `${match[1]}${match[2]}:${match[3] ?? "00"}`;
}
