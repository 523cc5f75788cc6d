import type { Classified } from "./classified.js";

export interface FoundDate {
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
export function findDates(
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
