import { readdir, readFile, rm, stat, utimes, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { generateCorpus, listArticleFiles } from "../../bench/generate-corpus.mjs";
import { build, type BuildOptions, type BuildSummary } from "../../src/index.js";
import { makeFixture, SETTLED_MTIME } from "./fixture.js";

/**
 * Sites for incremental-build tests: a small generated corpus (Markdown, TOML, raw text)
 * copied into each test's folder, and a check that an incremental run's output equals a
 * cold run's byte for byte.
 */

export const CORPUS_SIZE = 120;
export const CONFIG = { title: "Perf fixture", siteUrl: "https://perf.example/", timeZone: "UTC", feedLimit: 10, settleSeconds: 0 };
/** Later than every generated article (they end in 2025). */
export const NOW = Date.parse("2026-06-01T00:00:00Z");

let corpus: Map<string, Buffer> | undefined;

/** The corpus, generated once per test file: path -> bytes. */
export async function loadCorpus(): Promise<Map<string, Buffer>> {
  if (corpus) return corpus;
  const dir = await makeFixture();
  await generateCorpus(dir, { count: CORPUS_SIZE, seed: 8 });
  const files = new Map<string, Buffer>();
  for (const file of await listArticleFiles(dir)) files.set(file, await readFile(path.join(dir, file)));
  corpus = files;
  return files;
}

/** A site folder holding the corpus (every file dated in the past, so nothing is pending or racy) and its config. */
export async function site(config: Record<string, unknown> = CONFIG): Promise<string> {
  const dir = await makeFixture({ "feedwright.config.json": JSON.stringify(config) });
  for (const [file, bytes] of await loadCorpus()) await put(dir, file, bytes);
  return dir;
}

/** Writes an article file and dates it in the past. */
export async function put(dir: string, file: string, bytes: string | Buffer, mtime: Date = SETTLED_MTIME): Promise<void> {
  const target = path.join(dir, "articles", file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  await utimes(target, mtime, mtime);
}

export interface FileState {
  bytes: string;
  mtimeMs: number;
  ino: number;
}

/** Every published file under `outDir` (feedwright's dotfiles left out). */
export async function outputOf(outDir: string): Promise<Map<string, FileState>> {
  const files = new Map<string, FileState>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stats = await stat(file);
    files.set(path.relative(outDir, file), { bytes: (await readFile(file)).toString("utf8"), mtimeMs: stats.mtimeMs, ino: stats.ino });
  }
  return files;
}

export const bytesOnly = (files: Map<string, FileState>) => new Map([...files].map(([name, file]) => [name, file.bytes]));

/** Builds `dir` incrementally into out/, then cold (no cache) into a fresh folder, and expects equal bytes. */
export async function expectSameAsCold(dir: string, options: BuildOptions = {}): Promise<BuildSummary> {
  const incremental = await build({ cwd: dir, now: NOW, ...options });
  const coldDir = `cold-${Math.random().toString(36).slice(2)}`;
  await build({ cwd: dir, now: NOW, ...options, outDir: coldDir, cache: false });
  expect(bytesOnly(await outputOf(path.join(dir, "out")))).toEqual(bytesOnly(await outputOf(path.join(dir, coldDir))));
  await rm(path.join(dir, coldDir), { recursive: true });
  return incremental;
}

/** The first Markdown article with YAML front matter. */
export function yamlArticle(): string {
  const file = [...(corpus ?? new Map<string, Buffer>()).keys()].find((name) => name.endsWith(".md") && corpus!.get(name)!.toString().startsWith("---\n"));
  if (!file) throw new Error("the corpus has no YAML article (call loadCorpus first)");
  return file;
}
