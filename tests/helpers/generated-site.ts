import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generateCorpus, listArticleFiles } from "../../bench/generate-corpus.mjs";
import type * as Library from "../../src/index.js";
import { makeFixture, repoRoot, writeFiles } from "./fixture.js";

/**
 * Sites made of a generated corpus (the benchmark's generator) plus a few hand-written
 * files, built with the compiled library: worker threads run compiled code, so tests of
 * threads drive dist/ (built by `npm ci` / `npm run build:ts`), as the CLI tests do.
 */

/** The compiled library, dist/index.js. */
export async function loadBuiltLibrary(): Promise<typeof Library> {
  const dist = path.join(repoRoot, "dist", "index.js");
  if (!existsSync(dist)) throw new Error("dist/ is missing: run `npm run build:ts` before the tests");
  return (await import(pathToFileURL(dist).href)) as typeof Library;
}

/** A generated corpus, read into memory once so each test's site is a copy: path -> bytes. */
export async function readGeneratedCorpus(options: { count: number; seed: number; rawTextShare: number }): Promise<Map<string, Buffer>> {
  const dir = await makeFixture();
  await generateCorpus(dir, options);
  const corpus = new Map<string, Buffer>();
  for (const file of await listArticleFiles(dir)) corpus.set(file, await readFile(path.join(dir, file)));
  return corpus;
}

/** A fixture folder holding `corpus` under articles/ and `files`, every article file settled (backdated). */
export async function makeGeneratedSite(corpus: Map<string, Buffer>, files: Record<string, string | Uint8Array>): Promise<string> {
  // writeFiles dates every file it writes SETTLED_MTIME.
  const dir = await makeFixture(files);
  for (const [file, bytes] of corpus) await writeFiles(dir, { [`articles/${file}`]: bytes });
  return dir;
}

/** Every file under `dir` as base64, by relative path; dotfiles only with `dotFiles` (to see leftover temp files). */
export async function bytesUnder(dir: string, options: { dotFiles?: boolean } = {}): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || (!options.dotFiles && entry.name.startsWith("."))) continue;
    files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), (await readFile(path.join(entry.parentPath, entry.name))).toString("base64"));
  }
  return files;
}
