import { wallTimeToIso } from "./zoned-date.js";

/** `2021-10-19-some-slug.md`, as Jekyll names posts; the date may be followed by the slug or nothing. */
const FILE_NAME_DATE = /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[-_ ](?<rest>.*))?$/;

/**
 * Reads the publication date from a Jekyll-style file name, at midnight in `timeZone`,
 * and the slug that follows it. Returns null when the name does not start with a real date.
 */
export function dateFromFileName(fileName: string, timeZone: string): { published: string; slug: string } | null {
  const base = fileName.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  const groups = FILE_NAME_DATE.exec(base)?.groups;
  if (!groups) return null;
  const published = wallTimeToIso(
    { year: Number(groups.year), month: Number(groups.month), day: Number(groups.day) },
    timeZone,
  );
  if (!published) return null;
  return { published, slug: groups.rest ?? "" };
}
