import type { Classified } from "./classified.js";
import { chromeKey } from "./compile-rules.js";

/** Short lines seen this many times are navigation or a site name, not article text. */
const REPEATED_CHROME_COUNT = 2;
const REPEATED_CHROME_MAX_WORDS = 3;

/** Short text lines that repeat on the page (menus, site name, section labels) become chrome. */
export function markRepeatedChrome(classified: Classified[], keyOf: (text: string) => string = chromeKey): Classified[] {
  // Only short keys can become chrome, so running text is neither counted nor looked up.
  const keys = classified.map(({ unit, cls }) => (cls.kind === "text" ? shortKey(keyOf(unit.text)) : null));
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  return classified.map((item, index) => {
    const key = keys[index];
    if (key === null || key === undefined) return item;
    if ((counts.get(key) ?? 0) >= REPEATED_CHROME_COUNT) return { ...item, cls: { kind: "chrome" } };
    return item;
  });
}

/** The chrome key itself when it has at most REPEATED_CHROME_MAX_WORDS space-separated words, else null. */
function shortKey(key: string): string | null {
  let spaces = 0;
  for (let at = key.indexOf(" "); at !== -1; at = key.indexOf(" ", at + 1)) {
    spaces += 1;
    if (spaces >= REPEATED_CHROME_MAX_WORDS) return null;
  }
  return key;
}
