import type { Classified } from "./classified.js";
import { isProse } from "./text-shapes.js";

/**
 * After "Related", "More articles", "Must read" and the like, the short lines that follow are
 * links to other articles (with their decoy dates) until running text, a date line, a byline
 * or a figure resumes the article.
 */
export function markRelatedLists(classified: Classified[]): void {
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
