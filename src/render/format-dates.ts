const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Formats an ISO 8601 date-time with offset as an RFC 822 date for RSS, keeping the
 * written wall time and writing the zone as a numeric offset: `Tue, 19 Oct 2021 00:00:00 +0200`.
 */
export function toRfc822(iso: string): string {
  const match = ISO_WITH_OFFSET.exec(iso);
  if (!match) throw new Error(`not an ISO 8601 date-time with offset: ${iso}`);
  const [, year, month, day, hour, minute, second, zone] = match as unknown as string[];
  const weekday = DAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  const offset = zone === "Z" ? "+0000" : zone!.replace(":", "");
  return `${weekday}, ${day} ${MONTHS[Number(month) - 1]} ${year} ${hour}:${minute}:${second} ${offset}`;
}

/** RFC 3339 as Atom and JSON Feed want it: the ISO value, with `Z` spelled as `+00:00` kept as is. */
export function toRfc3339(iso: string): string {
  if (!ISO_WITH_OFFSET.test(iso)) throw new Error(`not an ISO 8601 date-time with offset: ${iso}`);
  return iso;
}
