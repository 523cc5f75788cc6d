import type { Classified } from "./classified.js";
import { chromeKey } from "./compile-rules.js";

/** Short lines seen this many times are navigation or a site name, not article text. */
const REPEATED_CHROME_COUNT = 2;
const REPEATED_CHROME_MAX_WORDS = 3;

/** Short text lines that repeat on the page (menus, site name, section labels) become chrome. */
export function markRepeatedChrome(classified: Classified[]): Classified[] {
  const counts = new Map<string, number>();
  for (const { unit, cls } of classified) {
    if (cls.kind !== "text") continue;
    const key = chromeKey(unit.text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return classified.map((item) => {
    if (item.cls.kind !== "text") return item;
    const key = chromeKey(item.unit.text);
    const words = key.split(" ").length;
    if ((counts.get(key) ?? 0) >= REPEATED_CHROME_COUNT && words <= REPEATED_CHROME_MAX_WORDS) {
      return { ...item, cls: { kind: "chrome" } };
    }
    return item;
  });
}
