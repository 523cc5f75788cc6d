// @ts-check
/**
 * Corpora and Hugo sites on disk: generated once, reused while their markers match.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { GENERATOR_VERSION, generateCorpus, listArticleFiles } from "./generate-corpus.mjs";
import { HUGO_SITE_VERSION, writeHugoSite } from "./hugo-site.mjs";
import { readJson } from "./measure.mjs";

/**
 * Generates the corpus unless a complete one with the same seed and generator version is there.
 * @param {string} base
 * @param {string} articles
 * @param {number} size
 * @param {number} seed
 * @param {(message: string) => void} log
 * @returns {Promise<boolean>} whether it was (re)generated
 */
export async function ensureCorpus(base, articles, size, seed, log) {
  const markerFile = path.join(base, "corpus.json");
  const wanted = { generatorVersion: GENERATOR_VERSION, seed, count: size };
  const marker = await readJson(markerFile);
  const dirty = existsSync(path.join(base, "mutating"));
  if (!dirty && marker && marker.generatorVersion === wanted.generatorVersion && marker.seed === seed && marker.count === size) {
    const files = await listArticleFiles(articles).catch(() => []);
    if (files.length === marker.summary?.files) {
      if ((await corpusDigest(articles, files)) === marker.digest) {
        log(`size ${size}: reusing corpus in ${articles}`);
        return false;
      }
      // Edited by hand or by another script: timing it would time another corpus.
      log(`size ${size}: the files in ${articles} differ from the generated corpus`);
    }
  }
  log(`size ${size}: generating corpus in ${articles}`);
  await rm(base, { recursive: true, force: true });
  await mkdir(base, { recursive: true });
  const started = performance.now();
  const summary = await generateCorpus(articles, { count: size, seed });
  log(
    `size ${size}: generated ${summary.files} articles (${summary.markdownYaml} YAML, ${summary.markdownToml} TOML, ` +
      `${summary.rawText} raw text, ${(summary.bytes / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const digest = await corpusDigest(articles, await listArticleFiles(articles));
  await writeFile(markerFile, JSON.stringify({ ...wanted, summary, digest }, null, 2) + "\n");
  return true;
}

/**
 * SHA-256 over every article file's path and bytes, in `files` order: what the marker
 * remembers, so a corpus changed since it was generated is generated again.
 * @param {string} articles
 * @param {string[]} files paths relative to `articles`, as listArticleFiles gives them
 * @returns {Promise<string>}
 */
export async function corpusDigest(articles, files) {
  const digest = createHash("sha256");
  for (const file of files) {
    const bytes = await readFile(path.join(articles, file));
    digest.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return digest.digest("hex");
}

/**
 * Writes the Hugo site for a corpus unless an up-to-date one is there.
 * @param {string} site
 * @param {string} articles
 * @param {{ size: number; seed: number; force: boolean; config: { title: string; siteUrl: string } }} spec
 * @returns {Promise<number>} raw-text articles left out
 */
export async function ensureHugoSite(site, articles, spec) {
  const markerFile = path.join(site, "site.json");
  const marker = await readJson(markerFile);
  if (!spec.force && marker && marker.hugoSiteVersion === HUGO_SITE_VERSION && marker.generatorVersion === GENERATOR_VERSION && marker.seed === spec.seed && marker.count === spec.size) {
    return marker.skipped;
  }
  await rm(site, { recursive: true, force: true });
  const files = await listArticleFiles(articles);
  await writeHugoSite(site, spec.config);
  let skipped = 0;
  const madeDirs = new Set();
  for (const file of files) {
    if (!file.endsWith(".md")) {
      skipped++;
      continue;
    }
    const target = path.join(site, "content", "posts", file);
    const parent = path.dirname(target);
    if (!madeDirs.has(parent)) {
      await mkdir(parent, { recursive: true });
      madeDirs.add(parent);
    }
    // Hard links cost no space; Hugo does not follow symlinked content files.
    await link(path.join(articles, file), target).catch(() => copyFile(path.join(articles, file), target));
  }
  await writeFile(markerFile, JSON.stringify({ hugoSiteVersion: HUGO_SITE_VERSION, generatorVersion: GENERATOR_VERSION, seed: spec.seed, count: spec.size, skipped }, null, 2) + "\n");
  return skipped;
}
