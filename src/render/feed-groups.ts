import type { Article } from "../article.js";
import { uniqueSlugs } from "./unique-slugs.js";

/** Articles sharing one tag (or one author), with the slug of its folder. */
export interface FeedGroup {
  /** The name as the newest article writes it. */
  name: string;
  slug: string;
  /** Newest first, as given. */
  articles: Article[];
}

/**
 * Groups articles by the names `namesOf` gives (tags, or author names). Names equal after
 * NFC and case folding are one group ("Rust" and "rust"); each group gets a unique, stable
 * slug (see `uniqueSlugs`). Groups are returned sorted by slug, articles kept in input order.
 */
export function groupArticles(articles: Article[], namesOf: (article: Article) => string[], fallbackSlug: string): FeedGroup[] {
  const groups = new Map<string, { name: string; articles: Article[] }>();
  // A site has a few hundred names used tens of thousands of times: each is keyed once.
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) {
      key = groupKey(name);
      keys.set(name, key);
    }
    return key;
  };
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article)) {
      const key = keyOf(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key);
      if (group) group.articles.push(article);
      else groups.set(key, { name: name.trim(), articles: [article] });
    }
  }
  const slugs = uniqueSlugs(groups.keys(), fallbackSlug);
  return [...groups]
    .map(([key, group]) => ({ name: group.name, slug: slugs.get(key)!, articles: group.articles }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The identity of a tag or author name: NFC, trimmed, case-folded, inner spaces collapsed. */
export function groupKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
