import { createHash } from "node:crypto";
import { slugify } from "../derive/slugify.js";

/**
 * Gives every key (a tag or author name, already case-folded) its own URL slug, stable over
 * time: a key keeps its plain slug unless another key slugs the same, in which case only the
 * key that IS its slug (`c` for "c") keeps it and the others get a suffix from a hash of the
 * key itself (`c-2b4ad6f8` for "c++"). So a slug never depends on the order keys were met,
 * and adding an unrelated tag never moves an existing feed. A key with no usable characters
 * gets `<fallback>-<hash>`.
 */
export function uniqueSlugs(keys: Iterable<string>, fallback: string): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    const base = slugify(key);
    const list = byBase.get(base) ?? [];
    list.push(key);
    byBase.set(base, list);
  }
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, group] of [...byBase].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const key of [...group].sort()) {
      const plain = base !== "" && (group.length === 1 || key === base);
      let slug = plain ? base : `${base || fallback}-${shortHash(key)}`;
      while (taken.has(slug)) slug = `${slug}-${shortHash(slug)}`;
      taken.add(slug);
      slugs.set(key, slug);
    }
  }
  return slugs;
}

function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
}
