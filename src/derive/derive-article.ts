import type { Article, Diagnostic, FieldOrigin, ImageCredit, LeadImage, Person } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { RAW_TEXT_EXTENSIONS } from "../read/find-article-files.js";
import type { SplitFile } from "../read/split-front-matter.js";
import { cutSummary } from "./cut-summary.js";
import { dateFromFileName } from "./date-from-file-name.js";
import { expandPermalink, normalisePermalink } from "./expand-permalink.js";
import { expandLiquidUrls } from "./expand-liquid-urls.js";
import { firstHeadingText, leadText, renderInlineMarkdown, renderMarkdown } from "./markdown.js";
import { readFrontMatterFields, type FrontMatterFields } from "./read-front-matter-fields.js";
import { deriveFromText } from "./text/derive-from-text.js";
import { renderTextBlocksHtml } from "./text/render-text-blocks-html.js";
import { DEFAULT_TEXT_RULES, mergeRules, type TextRules } from "./text/rules.js";
import type { DerivedText } from "./text/types.js";
import { siteBase } from "./site-base.js";
import { slugify } from "./slugify.js";

/** The outcome of deriving one file: an article, or the reasons it cannot be published. */
export type DeriveResult =
  | { ok: true; article: Article; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Everything known about one file before it becomes an `Article`: each field with where it
 * came from (`origin`), possibly missing. `inspect` shows this; `deriveArticle` requires a
 * title and a date.
 */
export interface ResolvedFields {
  title: string | null;
  published: string | null;
  updated: string | null;
  /** The full lead paragraph, plain text, before any cut. */
  lead: string;
  authors: Person[];
  tags: string[];
  image: LeadImage | null;
  imageCredits: ImageCredit[];
  mainImageCredit: string | null;
  contentHtml: string;
  origin: Record<string, FieldOrigin>;
  /** Problems and notes, each placed at a line when it can be. */
  diagnostics: Diagnostic[];
  /** Whether the body was read as raw text saved from a web page. */
  rawText: boolean;
  /** Field values read from front matter that the article needs besides the above. */
  frontMatter: FrontMatterFields;
}

/**
 * Works out every field of one file, never failing: front matter first; then what the text
 * says (for `.txt` files and Markdown without front matter, the raw-text deriver: headline,
 * date line, byline, lead, captions and credits; for Markdown with front matter, its first
 * `# heading`, its lead paragraph, and the raw-text deriver for a missing title or date);
 * then the file name (date); then the config (author).
 */
export function resolveArticleFields(
  sourcePath: string,
  source: SplitFile,
  config: SiteConfig,
  readWarnings: string[] = [],
): ResolvedFields {
  const split = withLiquidUrls(source, config);
  const diagnostics: Diagnostic[] = readWarnings.map((message) => ({ file: sourcePath, message }));
  for (const problem of split.problems) {
    const suffix = problem.fatal ? "; the file is skipped" : "; publishing what could be read";
    diagnostics.push({ file: sourcePath, line: problem.line, message: problem.message + suffix });
  }
  const fields = readFrontMatterFields(split.data, config.timeZone);
  for (const problem of fields.problems) {
    diagnostics.push({ file: sourcePath, line: lineOfKey(split, problem.field), message: problem.message });
  }
  const origin: Record<string, FieldOrigin> = {};
  const fromFileName = dateFromFileName(sourcePath, config.timeZone);
  const rawText = isRawText(sourcePath, split);
  const markdownHeading = rawText && !isMarkdownFile(sourcePath) ? null : firstHeadingText(split.body);
  // Markdown with front matter needs the raw-text deriver only for a missing title or date.
  const needText = rawText || !fields.title && !markdownHeading || !fields.published;
  const text = needText ? deriveFromTextForFile(sourcePath, split, config) : null;
  if (text && rawText) {
    // a missing headline is reported once, below, as the article's missing title
    for (const warning of text.warnings.filter((message) => !message.includes("no headline found"))) {
      diagnostics.push({ file: sourcePath, message: warning.replace(/^[^:]*:\s*/, "") });
    }
  }

  const pick = <T>(candidates: Array<[T | null | undefined, FieldOrigin, number?]>, field: string): T | null => {
    for (const [value, from] of candidates) {
      if (value !== null && value !== undefined && value !== "") {
        origin[field] = from;
        return value;
      }
    }
    return null;
  };

  const title = pick<string>([[fields.title, "front-matter"], [markdownHeading, "text"], [text?.title, "text"]], "title");
  // A page that shows only "Updated ..." is dated by it when nothing else dates the article.
  const published = pick<string>(
    [[fields.published, "front-matter"], [text?.published, "text"], [fromFileName?.published, "file-name"], [text?.updated, "text"]],
    "published",
  );
  if (published && published === text?.updated && !text?.published && origin.published === "text" && !fields.published) {
    diagnostics.push({ file: sourcePath, message: "the text gives only an \"Updated\" date; it is used as the publication date too" });
  }
  const updated = pick<string>([[fields.updated, "front-matter"], [text?.updated, "text"]], "updated");
  const markdownLead = rawText ? null : leadText(split.body);
  const lead = pick<string>([[fields.summary, "front-matter"], [markdownLead, "text"], [text?.lead, "text"]], "summary") ?? "";
  if (origin.summary === undefined) origin.summary = "text";
  const authors =
    pick<Person[]>(
      [[fields.authors, "front-matter"], [rawText && text?.author ? [{ name: text.author }] : null, "text"], [[{ ...config.author }], "config"]],
      "authors",
    ) ?? [];
  const tags = fields.tags ?? [];
  if (fields.tags) origin.tags = "front-matter";

  const image = fields.image ?? null;
  let imageCredits: ImageCredit[] = image?.credit ? [{ caption: image.caption, credit: image.credit }] : [];
  let mainImageCredit = image?.credit ?? null;
  if (image?.credit) origin.imageCredits = "front-matter";
  if (rawText && text) {
    for (const credit of text.imageCredits) {
      if (!imageCredits.some((known) => known.credit === credit.credit && known.caption === credit.caption)) imageCredits.push(credit);
    }
    if (text.imageCredits.length > 0) origin.imageCredits ??= "text";
    if (!mainImageCredit && text.mainImageCredit) {
      mainImageCredit = text.mainImageCredit;
      origin.mainImageCredit = "text";
    }
  }
  if (image?.credit) origin.mainImageCredit = "front-matter";
  imageCredits = imageCredits.filter((credit) => credit.credit !== "");

  const contentHtml = renderBody(sourcePath, split, rawText ? text : null);
  if (!title) {
    diagnostics.push({
      file: sourcePath,
      line: 1,
      message: "no title: add a \"title\" to the front matter, a \"# Heading\" line, or a headline line at the top of the text",
    });
  }
  if (!published) {
    diagnostics.push({
      file: sourcePath,
      line: 1,
      message: "no publication date: add \"date: YYYY-MM-DD\" to the front matter, a date line under the headline, or name the file YYYY-MM-DD-slug",
    });
  }
  return {
    title,
    published,
    updated,
    lead,
    authors,
    tags,
    image,
    imageCredits,
    mainImageCredit,
    contentHtml,
    origin,
    diagnostics,
    rawText,
    frontMatter: fields,
  };
}

/**
 * Derives an `Article` from a file already split into front matter and body (see
 * resolveArticleFields for where each value comes from). The summary is the lead cut at a
 * sentence end within `summaryLength`. A file without a title or a date is not publishable
 * and yields diagnostics instead.
 */
export function deriveArticle(sourcePath: string, source: SplitFile, config: SiteConfig, readWarnings: string[] = []): DeriveResult {
  const split = withLiquidUrls(source, config);
  const resolved = resolveArticleFields(sourcePath, split, config, readWarnings);
  const { diagnostics, origin, frontMatter: fields, title, published } = resolved;
  if (split.problems.some((problem) => problem.fatal)) {
    return { ok: false, diagnostics: diagnostics.filter((d) => !d.message.startsWith("no title") && !d.message.startsWith("no publication date")) };
  }
  if (!title || !published) {
    return {
      ok: false,
      diagnostics: diagnostics.map((d) =>
        d.message.startsWith("no title") || d.message.startsWith("no publication date") ? { ...d, message: `${d.message}; the file is skipped` } : d,
      ),
    };
  }

  const baseName = sourcePath.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  const slug = slugify(fields.slug ?? (dateFromFileName(sourcePath, config.timeZone)?.slug || baseName)) || slugify(title) || "article";
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

  const article: Article = {
    sourcePath,
    id: fields.id ?? url,
    slug,
    permalink,
    url,
    title,
    published,
    updated: resolved.updated,
    summary: cutSummary(resolved.lead, config.summaryLength),
    contentHtml: resolved.contentHtml,
    authors: resolved.authors,
    tags: resolved.tags,
    image: resolved.image && resolved.image.url ? resolved.image : null,
    imageCredits: resolved.imageCredits,
    mainImageCredit: resolved.mainImageCredit,
    draft: fields.draft ?? false,
    origin,
    warnings: diagnostics.map((d) => d.message),
  };
  if (fields.id) origin.id = "front-matter";
  return { ok: true, article, diagnostics };
}

/** Posts moved from Jekyll build URLs with Liquid tags; they are expanded in Markdown with front matter. */
function withLiquidUrls(split: SplitFile, config: SiteConfig): SplitFile {
  if (split.format === "none") return split;
  const body = expandLiquidUrls(split.body, config.siteUrl);
  return body === split.body ? split : { ...split, body };
}

/**
 * Markdown that uses block structure (fenced code, lists, tables, quotes) is rendered as
 * Markdown; scraped-looking text is rendered from the derived blocks, without chrome, with
 * captions as figures (in a `.md` file, each paragraph's inline Markdown still renders).
 */
function renderBody(sourcePath: string, split: SplitFile, text: DerivedText | null): string {
  if (!text) return renderMarkdown(split.body);
  if (!isMarkdownFile(sourcePath)) return renderTextBlocksHtml(text.blocks);
  if (MARKDOWN_BLOCK_SYNTAX.test(split.body)) return renderMarkdown(split.body);
  return renderTextBlocksHtml(text.blocks, renderInlineMarkdown);
}

/** Block syntax a hand-written Markdown file uses and scraped text does not ("- Advertisement -" is not a list). */
const MARKDOWN_BLOCK_SYNTAX = /^(?:```|~~~|\s{0,3}>\s|\s{0,3}\|.*\|\s*$|\s{0,3}[*+-]\s+(?!.*\s[-–—]\s*$)\S|\s{0,3}\d{1,3}[.)]\s+\S)/mu;

/** `.txt` files, and Markdown without front matter, are text saved from web pages. */
function isRawText(sourcePath: string, split: SplitFile): boolean {
  if (RAW_TEXT_EXTENSIONS.includes(extensionOf(sourcePath))) return true;
  return split.format === "none";
}

function isMarkdownFile(sourcePath: string): boolean {
  return !RAW_TEXT_EXTENSIONS.includes(extensionOf(sourcePath));
}

function extensionOf(sourcePath: string): string {
  return /\.[^./]+$/.exec(sourcePath)?.[0]?.toLowerCase() ?? "";
}

/** Runs the raw-text deriver on a file's body with the config's zone, length, rules and site name. */
function deriveFromTextForFile(sourcePath: string, split: SplitFile, config: SiteConfig): DerivedText {
  // Markdown heading marks ("## Subheading") are not part of the words.
  const body = isMarkdownFile(sourcePath) ? split.body.replace(/^#{1,6}[ \t]+(.*?)[ \t#]*$/gmu, "$1") : split.body;
  return deriveFromText(body, {
    fileName: sourcePath,
    timeZone: config.timeZone,
    summaryLength: config.summaryLength,
    rules: textRulesFor(config),
    siteNames: [config.title],
  });
}

const rulesCache = new WeakMap<object, TextRules>();

/** The default raw-text rules extended by the config's `textRules`, built once per config. */
export function textRulesFor(config: SiteConfig): TextRules {
  if (!config.textRules) return DEFAULT_TEXT_RULES;
  const cached = rulesCache.get(config.textRules);
  if (cached) return cached;
  const rules = mergeRules(DEFAULT_TEXT_RULES, config.textRules);
  rulesCache.set(config.textRules, rules);
  return rules;
}

// In its own module so renderers can use it without loading the derivers.
export { siteBase } from "./site-base.js";

/** Best-effort line of a top-level front-matter key, for messages. */
function lineOfKey(split: SplitFile, key: string): number {
  return split.keyLines[key.split(".")[0]!] ?? 1;
}
