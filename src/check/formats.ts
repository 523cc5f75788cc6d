/** Date and URL formats the feed formats require, as data. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** RFC 822 as RSS 2.0 uses it (four-digit years, as RFC 1123 and every validator expect). */
export const RFC_822_DATE =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|GMT|UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$/;

/** RFC 3339 date-time, as Atom and JSON Feed require. */
export const RFC_3339_DATE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A URI with a scheme (RFC 3986), for ids. */
export const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Why an RSS date is wrong, or null when it is a valid RFC 822 date with a matching weekday. */
export function rfc822Problem(value: string): string | null {
  const match = RFC_822_DATE.exec(value.trim());
  if (!match) return `"${value}" is not an RFC 822 date such as "Tue, 19 Oct 2021 08:00:00 +0200"`;
  const [, weekday, day, month, year] = match;
  const date = new Date(Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day)));
  if (date.getUTCDate() !== Number(day)) return `"${value}" names a day that does not exist`;
  if (weekday && DAYS[date.getUTCDay()] !== weekday) return `"${value}" has the wrong day of the week (it was a ${DAYS[date.getUTCDay()]})`;
  return null;
}

/** Why an Atom or JSON Feed date is wrong, or null when it is a valid RFC 3339 date-time. */
export function rfc3339Problem(value: unknown): string | null {
  if (typeof value !== "string" || !RFC_3339_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    return `${JSON.stringify(value)} is not an RFC 3339 date-time such as "2021-10-19T08:00:00+02:00"`;
  }
  return null;
}

/** True for an absolute http(s) URL. */
export function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.trim() !== value || value === "") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
