import type { Article, Diagnostic, FieldOrigin, ImageCredit } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import type { SplitFile } from "../read/split-front-matter.js";
import { cutSummary } from "./cut-summary.js";
import { dateFromFileName } from "./date-from-file-name.js";
import { expandPermalink, normalisePermalink } from "./expand-permalink.js";
import { firstHeadingText, leadText, renderMarkdown } from "./markdown.js";
import { readFrontMatterFields } from "./read-front-matter-fields.js";
import { slugify } from "./slugify.js";

/** The outcome of deriving one file: an article, or the reasons it cannot be published. */
export type DeriveResult =
  | { ok: true; article: Article; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Derives an `Article` from a Markdown file already split into front matter and body.
 * Front matter wins; the file name supplies a missing date and slug; the body supplies a
 * missing title (its first `# heading`) and summary (text before `<!--more-->`, else the
 * first paragraph, cut at a sentence end within `summaryLength`).
 * A file without a title or a date is not publishable and yields diagnostics instead.
 */
export function deriveArticle(sourcePath: string, split: SplitFile, config: SiteConfig): DeriveResult {
  const diagnostics: Diagnostic[] = [];
  const fatal = split.problems.filter((problem) => problem.fatal);
  for (const problem of split.problems) {
    const suffix = problem.fatal ? "; the file is skipped" : "; publishing what could be read";
    diagnostics.push({ file: sourcePath, line: problem.line, message: problem.message + suffix });
  }
  if (fatal.length > 0) return { ok: false, diagnostics };

  const fields = readFrontMatterFields(split.data, config.timeZone);
  for (const problem of fields.problems) {
    diagnostics.push({ file: sourcePath, line: lineOfKey(split, problem.field), message: problem.message });
  }
  const origin: Record<string, FieldOrigin> = {};
  const fromFileName = dateFromFileName(sourcePath, config.timeZone);

  let title = fields.title;
  if (title) origin.title = "front-matter";
  else {
    title = firstHeadingText(split.body) ?? undefined;
    if (title) origin.title = "text";
  }

  let published = fields.published;
  if (published) origin.published = "front-matter";
  else if (fromFileName) {
    published = fromFileName.published;
    origin.published = "file-name";
  }

  if (!title) diagnostics.push({ file: sourcePath, line: 1, message: "no title: add a \"title\" to the front matter or a \"# Heading\" line; the file is skipped" });
  if (!published) diagnostics.push({ file: sourcePath, line: 1, message: "no publication date: add \"date: YYYY-MM-DD\" to the front matter or name the file YYYY-MM-DD-slug.md; the file is skipped" });
  if (!title || !published) return { ok: false, diagnostics };

  const baseName = sourcePath.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  const slug = slugify(fields.slug ?? (fromFileName?.slug || baseName)) || slugify(title) || "article";
  origin.slug = fields.slug ? "front-matter" : "file-name";

  const permalink = fields.permalink
    ? normalisePermalink(fields.permalink)
    : expandPermalink(config.permalink, {
        published,
        slug,
        title,
        path: sourcePath.replace(/\.[^.]+$/, ""),
      });
  origin.permalink = fields.permalink ? "front-matter" : "config";
  const url = new URL(permalink.slice(1), siteBase(config.siteUrl)).href;

  let summary = fields.summary;
  if (summary) origin.summary = "front-matter";
  else {
    summary = leadText(split.body) ?? "";
    origin.summary = "text";
  }

  const authors = fields.authors ?? [{ ...config.author }];
  origin.authors = fields.authors ? "front-matter" : "config";

  const image = fields.image ?? null;
  const imageCredits: ImageCredit[] = image?.credit ? [{ caption: image.caption, credit: image.credit }] : [];

  const article: Article = {
    sourcePath,
    id: fields.id ?? url,
    slug,
    permalink,
    url,
    title,
    published,
    updated: fields.updated ?? null,
    summary: cutSummary(summary, config.summaryLength),
    contentHtml: renderMarkdown(split.body),
    authors,
    tags: fields.tags ?? [],
    image: image && image.url ? image : null,
    imageCredits,
    mainImageCredit: image?.credit ?? null,
    draft: fields.draft ?? false,
    origin,
    warnings: diagnostics.map((d) => d.message),
  };
  if (fields.id) origin.id = "front-matter";
  if (fields.updated) origin.updated = "front-matter";
  return { ok: true, article, diagnostics };
}

/** The site URL as a base that relative paths resolve under (always ending in `/`). */
export function siteBase(siteUrl: string): string {
  return siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
}

/** Best-effort line of a top-level front-matter key, for messages. */
function lineOfKey(split: SplitFile, key: string): number {
  return split.keyLines[key.split(".")[0]!] ?? 1;
}
