/**
 * The one record that flows through the pipeline:
 * read -> derive -> select -> render -> publish.
 *
 * Every value is plain data (strings, numbers, booleans, arrays, objects):
 * no `Date`, no class instances. That keeps an `Article` cacheable as JSON
 * and transferable to worker threads unchanged.
 */

/** A person credited on an article or a feed. */
export interface Person {
  name: string;
  email?: string;
  url?: string;
}

/** A photo caption with its credit; `caption` is null when only the credit is known. */
export interface ImageCredit {
  caption: string | null;
  credit: string;
}

/** The article's lead image. `url` may be relative to the article until render makes it absolute. */
export interface LeadImage {
  url: string;
  caption: string | null;
  credit: string | null;
  alt: string | null;
}

/** Where a derived value came from, so `inspect` can explain an item. */
export type FieldOrigin = "front-matter" | "text" | "file-name" | "config";

/** A problem found in one source file, reported as `path:line: message`. */
export interface Diagnostic {
  /** Path relative to the articles folder, with `/` separators. */
  file: string;
  /** 1-based line, when the problem can be placed. */
  line?: number;
  message: string;
}

export interface Article {
  /** Path of the source file relative to the articles folder, `/`-separated. */
  sourcePath: string;
  /** Stable identity: an explicit `id`, else derived from the permalink. Never from the title. */
  id: string;
  slug: string;
  /** Site-relative path of the article page, starting and ending with `/`, e.g. `/2021/10/19/helsinki/`. */
  permalink: string;
  /** Absolute URL of the article page. */
  url: string;
  title: string;
  /** Publication instant as ISO 8601 with the offset it was written in (or the configured zone's). */
  published: string;
  /** Last meaningful change, same format, or null. */
  updated: string | null;
  /** Plain-text summary for feeds, already cut to the configured length. */
  summary: string;
  /** Full body as HTML (not yet sanitised or absolutised; render does that). */
  contentHtml: string;
  authors: Person[];
  tags: string[];
  image: LeadImage | null;
  /** Every caption/credit pair found, each once, the lead image's first. */
  imageCredits: ImageCredit[];
  mainImageCredit: string | null;
  draft: boolean;
  /** Field name -> where its value came from. */
  origin: Record<string, FieldOrigin>;
  /** Non-fatal notes about this article (shown by `inspect`, reported by `build`). */
  warnings: string[];
}
