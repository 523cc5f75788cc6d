// @ts-check
/**
 * Times each derivation step (decode, split front matter, derive Markdown, derive raw text,
 * sanitise, hash) over every file of a corpus in one thread, then the whole of
 * `deriveFileBytes`, and prints a digest of every result so two builds of the code can be
 * compared for identical output. Needs the compiled `dist/` (npm run build:ts).
 *
 * Usage: node bench/derive-steps.mjs [ARTICLES_DIR] [--only=txt|md] [--rounds=N (default 3)]
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { configSchema } from "../dist/config/schema.js";
import { deriveArticle } from "../dist/derive/derive-article.js";
import { deriveFileBytes } from "../dist/pipeline/derive-file.js";
import { hashContent } from "../dist/publish/article-cache.js";
import { fieldsHash } from "../dist/pipeline/article-keys.js";
import { decodeSource } from "../dist/read/read-source.js";
import { splitFrontMatter } from "../dist/read/split-front-matter.js";
import { sanitizeContent } from "../dist/render/sanitize-content.js";

const args = process.argv.slice(2);
const articlesDir = args.find((arg) => !arg.startsWith("--")) ?? "/work/main/bench/corpora/10000/articles";
const only = args.find((arg) => arg.startsWith("--only="))?.slice(7);
const rounds = Number(args.find((arg) => arg.startsWith("--rounds="))?.slice(9) ?? 3);

const config = configSchema.parse({ title: "feedwright bench", siteUrl: "https://bench.example/", timeZone: "UTC", feedLimit: 20, settleSeconds: 0 });

/** @type {{ rel: string; bytes: Uint8Array }[]} */
const files = [];
for (const entry of readdirSync(articlesDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const full = path.join(entry.parentPath, entry.name);
  const rel = path.relative(articlesDir, full).split(path.sep).join("/");
  if (only && !rel.endsWith(`.${only}`)) continue;
  files.push({ rel, bytes: readFileSync(full) });
}
files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

// Each step's fastest round: the machine is shared, so the minimum is the least disturbed figure.
const best = { decode: Infinity, split: Infinity, deriveMd: Infinity, deriveTxt: Infinity, sanitize: Infinity, hash: Infinity };
for (let round = 0; round < rounds; round++) {
  const times = { decode: 0, split: 0, deriveMd: 0, deriveTxt: 0, sanitize: 0, hash: 0 };
  for (const file of files) {
    let start = performance.now();
    const decoded = decodeSource(file.rel, file.bytes, false);
    times.decode += performance.now() - start;
    if (!decoded.ok) continue;
    start = performance.now();
    const split = splitFrontMatter(decoded.text);
    times.split += performance.now() - start;
    start = performance.now();
    const result = deriveArticle(file.rel, split, config, decoded.warnings);
    times[file.rel.endsWith(".txt") ? "deriveTxt" : "deriveMd"] += performance.now() - start;
    if (!result.ok) continue;
    start = performance.now();
    sanitizeContent(result.article.contentHtml, result.article.url);
    times.sanitize += performance.now() - start;
    start = performance.now();
    hashContent(file.bytes);
    hashContent(Buffer.from(result.article.contentHtml));
    fieldsHash({ ...result.article, contentHtml: "" });
    times.hash += performance.now() - start;
  }
  for (const step of /** @type {(keyof typeof best)[]} */ (Object.keys(best))) best[step] = Math.min(best[step], times[step]);
}

const splitDigest = createHash("sha256");
for (const file of files) {
  const decoded = decodeSource(file.rel, file.bytes, false);
  if (decoded.ok) splitDigest.update(JSON.stringify(splitFrontMatter(decoded.text))).update("\n");
}
const digest = createHash("sha256");
let start = performance.now();
for (const file of files) digest.update(JSON.stringify(deriveFileBytes(file.rel, file.bytes, false, config))).update("\n");
const whole = performance.now() - start;

console.log(`${files.length} files from ${articlesDir}, fastest of ${rounds} round(s) per step`);
for (const [step, ms] of Object.entries(best)) console.log(`${step.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(`${"whole".padEnd(10)} ${whole.toFixed(0).padStart(6)} ms (deriveFileBytes, once)`);
console.log(`split digest  ${splitDigest.digest("hex")}`);
console.log(`derive digest ${digest.digest("hex")}`);
