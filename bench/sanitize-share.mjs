// @ts-check
/**
 * How much of deriving the Markdown articles of a corpus is sanitising: reads every `.md`
 * file under a folder, derives it (decode, split, deriveArticle) and sanitises its HTML
 * with sanitizeContent, in one thread, timing the two apart. Needs `npm run build:ts` first.
 *
 * Usage: node bench/sanitize-share.mjs [ARTICLES_DIR] [ROUNDS]
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

const dist = new URL("../dist/", import.meta.url);
const { configSchema } = await import(new URL("config/schema.js", dist).href);
const { decodeSource } = await import(new URL("read/read-source.js", dist).href);
const { splitFrontMatter } = await import(new URL("read/split-front-matter.js", dist).href);
const { deriveArticle } = await import(new URL("derive/derive-article.js", dist).href);
const { sanitizeContent } = await import(new URL("render/sanitize-content.js", dist).href);

const articlesDir = process.argv[2] ?? "/work/main/bench/corpora/10000/articles";
const rounds = Number(process.argv[3] ?? 3);
const config = configSchema.parse({ title: "Bench", siteUrl: "https://example.com/", description: "x" });

const files = readdirSync(articlesDir, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".md"))
  .sort();
const sources = files.map((name) => ({ name, bytes: readFileSync(path.join(articlesDir, name)) }));

for (let round = 1; round <= rounds; round++) {
  let deriveMs = 0;
  let sanitizeMs = 0;
  let outputChars = 0;
  const digest = createHash("sha256");
  for (const { name, bytes } of sources) {
    const started = performance.now();
    const decoded = decodeSource(name, bytes, false);
    if (!decoded.ok) continue;
    const result = deriveArticle(name, splitFrontMatter(decoded.text), config, decoded.warnings);
    const derived = performance.now();
    if (!result.ok) continue;
    const html = sanitizeContent(result.article.contentHtml, result.article.url);
    const sanitized = performance.now();
    deriveMs += derived - started;
    sanitizeMs += sanitized - derived;
    outputChars += html.length;
    digest.update(html).update("\0");
  }
  const total = deriveMs + sanitizeMs;
  console.log(
    `round ${round}: ${sources.length} files, derive ${deriveMs.toFixed(0)} ms, sanitise ${sanitizeMs.toFixed(0)} ms ` +
      `(${((100 * sanitizeMs) / total).toFixed(1)} % of ${total.toFixed(0)} ms), ${outputChars} output chars, sha256 ${digest.digest("hex").slice(0, 16)}`,
  );
}
