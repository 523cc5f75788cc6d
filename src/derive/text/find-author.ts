import type { Classified } from "./classified.js";
import type { CompiledRules } from "./compile-rules.js";
import { isNameList } from "./match-byline.js";
import { countWords } from "./text-shapes.js";

/** The byline: a "By ..." line in the header, else one anywhere outside related lists, else the date line's. */
export function findAuthor(
  classified: Classified[],
  bodyStart: number,
  fromDateLine: { name: string; line: number } | null,
): { name: string; line: number } | null {
  let anywhere: { name: string; line: number } | null = null;
  for (let index = 0; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "byline" || item.related) continue;
    const found = { name: item.cls.author, line: item.unit.line };
    if (index < bodyStart) return found;
    anywhere ??= found;
  }
  return fromDateLine ?? anywhere;
}

/**
 * A byline without "By", as some sites print it: a line of only names, optionally "in City",
 * directly above or below the header's date line ("Joanna Kowalczyk in Warsaw"). The line
 * found is reclassified as a byline.
 */
export function findUnlabelledByline(
  classified: Classified[],
  titleIndex: number,
  bodyStart: number,
  rules: CompiledRules,
): { name: string; line: number } | null {
  for (let index = 0; index < Math.min(bodyStart, classified.length); index += 1) {
    if (classified[index]!.cls.kind !== "date") continue;
    for (const step of [-1, 1]) {
      // chrome between the name and the date ("Jane Doe / Follow / 5 min read · Oct 19") is skipped
      let neighbour = index + step;
      while (classified[neighbour]?.cls.kind === "chrome") neighbour += step;
      const item = classified[neighbour];
      if (!item || neighbour === titleIndex || item.cls.kind !== "text" || item.related) continue;
      const names = item.unit.text.replace(/\s+(?:in|at|from)\s+\p{Lu}[\p{L} -]{1,40}$/u, "");
      if (countWords(names) <= 8 && isNameList(names, rules)) {
        // the line is the byline: keep it out of the body
        item.cls = { kind: "byline", author: names };
        return { name: names, line: item.unit.line };
      }
    }
  }
  return null;
}
