import type { Article, Person } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { absoluteUrl } from "./absolute-url.js";
import { groupKey } from "./feed-groups.js";
import { sanitizeContent } from "./sanitize-content.js";
import { stableItemId } from "./stable-id.js";
import { xmlSafe } from "./xml-safe.js";

/**
 * Makes an article ready for every renderer, once: content sanitised and its links made
 * absolute (sanitize-content.ts), the lead image's URL made absolute against the article
 * (or the image dropped when it is not http(s)), the id turned into a stable absolute URI
 * (stable-id.ts), and every text normalised to NFC without characters XML 1.0 forbids
 * (plain texts also on one line).
 * Feeds and HTML pages then show the same, safe content.
 */
export function prepareArticle(article: Article, config: Pick<SiteConfig, "siteUrl" | "idDate">): Article {
  const imageUrl = article.image ? absoluteUrl(article.image.url, article.url) : null;
  return {
    ...article,
    id: stableItemId(xmlSafe(article.id), config.siteUrl, config.idDate),
    title: oneLine(article.title),
    summary: oneLine(article.summary),
    contentHtml: sanitizeContent(article.contentHtml, article.url),
    authors: article.authors.map(preparePerson).filter((person) => person.name !== ""),
    tags: prepareTags(article.tags),
    image:
      article.image && imageUrl
        ? {
            url: imageUrl,
            caption: cleanOptional(article.image.caption),
            credit: cleanOptional(article.image.credit),
            alt: cleanOptional(article.image.alt),
          }
        : null,
    imageCredits: article.imageCredits
      .map((credit) => ({ caption: cleanOptional(credit.caption), credit: oneLine(credit.credit) }))
      .filter((credit) => credit.credit !== ""),
    mainImageCredit: cleanOptional(article.mainImageCredit),
  };
}

/** A person as feeds can carry them: name cleaned, e-mail only when it looks like one, url only when absolute http(s). */
export function preparePerson(person: Person): Person {
  const url = person.url ? absoluteUrl(person.url, "https://invalid.invalid/") : null;
  return {
    name: oneLine(person.name),
    // Atom requires an e-mail address to look like one; anything else is left out.
    ...(person.email && /^[^\s@]+@[^\s@]+$/.test(xmlSafe(person.email).trim()) ? { email: xmlSafe(person.email).trim() } : {}),
    ...(url && !url.startsWith("https://invalid.invalid/") ? { url } : {}),
  };
}

/**
 * An article's tags as prepareArticle leaves them: one line each, without empty ones and
 * repeats (the same tag by `groupKey`, first spelling kept): JSON Feed requires unique tags.
 */
export function prepareTags(tags: string[]): string[] {
  const prepared: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const { line, key } = preparedTag(tag);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    prepared.push(line);
  }
  return prepared;
}

/**
 * A site has a few hundred tags used tens of thousands of times, and planning prepares every
 * article's: each spelling is made one line and keyed once (the memo is emptied past a bound).
 */
const tagMemo = new Map<string, { line: string; key: string }>();
const TAG_MEMO_LIMIT = 20_000;

function preparedTag(tag: string): { line: string; key: string } {
  let prepared = tagMemo.get(tag);
  if (!prepared) {
    const line = oneLine(tag);
    prepared = { line, key: groupKey(line) };
    if (tagMemo.size >= TAG_MEMO_LIMIT) tagMemo.clear();
    tagMemo.set(tag, prepared);
  }
  return prepared;
}

/** What a listing page shows of an article. */
export type ListedArticle = Pick<Article, "url" | "title" | "published" | "summary">;

/**
 * The part of {@link prepareArticle} a listing page needs: as cheap as that, and not held
 * for every article (archives list every article of a site).
 */
export function prepareListing(article: Article): ListedArticle {
  return { url: article.url, title: oneLine(article.title), published: article.published, summary: oneLine(article.summary) };
}

function cleanOptional(text: string | null): string | null {
  if (text === null) return null;
  const cleaned = oneLine(text);
  return cleaned === "" ? null : cleaned;
}

/**
 * Plain one-line text (titles, summaries, names, tags, captions): XML-safe, with runs of
 * white space (tabs, line breaks) made one space. XML parsers turn a CR into LF and a tab in
 * an attribute into a space, so only this form reads back the same in every format.
 */
function oneLine(text: string): string {
  const safe = xmlSafe(text);
  // Most texts are one line already: only white space other than single inner spaces needs the rewrite.
  return NOT_ONE_LINE.test(safe) ? safe.replace(/\s+/g, " ").trim() : safe;
}

/** White space other than a space, two spaces in a row, or a space at either end. */
const NOT_ONE_LINE = /[^\S ]| {2}|^ | $/;
