import { TZDate } from "@date-fns/tz";

/** A wall-clock reading: what a calendar and a clock on the wall show. Month is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/**
 * Formats a wall-clock reading in a zone as ISO 8601 with that zone's offset at that moment,
 * e.g. `2021-10-19T00:00:00+02:00`. `zone` is an IANA name ("Europe/Warsaw") or a fixed
 * offset ("+02:00"). A reading inside a daylight-saving gap moves forward, as clocks do.
 * Returns null for an impossible date such as February 30.
 */
export function wallTimeToIso(wall: WallTime, zone: string): string | null {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = wall;
  if (!isValidCalendarDate(year, month, day)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const fixed = fixedOffsetIso(year, month, day, hour, minute, Math.min(second, 59), zone);
  if (fixed !== null) return fixed;
  const date = new TZDate(year, month - 1, day, hour, minute, Math.min(second, 59), zone);
  if (Number.isNaN(date.getTime())) return null;
  return stripMilliseconds(date.toISOString());
}

/** A fixed offset as `normaliseZone` writes it: `+02:00`, `-04:30`. */
const FIXED_OFFSET = /^[+-](?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * The fast path of {@link wallTimeToIso} for a fixed offset, giving exactly what TZDate gives.
 * TZDate asks `Intl` for the offset, which throws for a fixed offset on Node 20 and costs
 * tens of microseconds per date, a tenth of a cold build. Null when the slow path must answer
 * (years below 100, which `Date` reads as 19xx, and `-00:MM`, which TZDate reads as `+00:MM`).
 */
function fixedOffsetIso(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): string | null {
  // UTC has no daylight saving, so it is the fixed offset +00:00, which TZDate prints for it too.
  if (zone === "UTC") zone = "+00:00";
  if (year < 100 || !FIXED_OFFSET.test(zone) || zone.startsWith("-00:")) return null;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return `${wall.toISOString().slice(0, 19)}${zone}`;
}

/** True when year-month-day names a real calendar day (month 1-12). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth;
}

function stripMilliseconds(iso: string): string {
  return iso.replace(/\.\d{3}(?=[+-]\d\d:\d\d$|Z$)/, "");
}
