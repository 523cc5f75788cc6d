import type { Classified } from "./classified.js";
import { chromeKey } from "./compile-rules.js";
import { BULLET, isHeading, isProse } from "./text-shapes.js";
import type { TextBlock } from "./types.js";

/** Body blocks: paragraphs, subheadings and figures, without header, chrome and related lists. */
export function buildBlocks(
  classified: Classified[],
  titleIndex: number,
  leadIndex: number,
  title: string | null,
  keyOf: (text: string) => string = chromeKey,
): TextBlock[] {
  const blocks: TextBlock[] = [];
  // pages often print the headline twice (page title and heading): once is the title
  const titleKeys = new Set([titleIndex === -1 ? "" : keyOf(classified[titleIndex]!.unit.text), title ? keyOf(title) : ""]);
  const seenFigures = new Set<string>();
  classified.forEach((item, index) => {
    if (index === titleIndex || item.related) return;
    const { cls, unit } = item;
    if (cls.kind === "figure") {
      const key = `${cls.figure.caption ?? ""}\u0000${cls.figure.credit ?? ""}`;
      if (seenFigures.has(key)) return;
      seenFigures.add(key);
      blocks.push({ type: "figure", caption: cls.figure.caption, credit: cls.figure.credit });
      return;
    }
    if (cls.kind === "editor-note") {
      blocks.push({ type: "paragraph", text: unit.text });
      return;
    }
    if (cls.kind !== "text" || titleKeys.has(keyOf(unit.text))) return;
    // a line without a letter ("0", "12 345") is a counter, not text
    if (!/\p{L}/u.test(unit.text)) return;
    // Between the headline and the lead, short lines are page furniture (kickers, taglines);
    // a "key points" list and running text are kept.
    if (leadIndex !== -1 && index < leadIndex && !BULLET.test(unit.text) && !isProse(unit.text)) return;
    if (index !== leadIndex && isHeading(unit.text)) blocks.push({ type: "heading", text: unit.text });
    else blocks.push({ type: "paragraph", text: unit.text });
  });
  return blocks;
}
