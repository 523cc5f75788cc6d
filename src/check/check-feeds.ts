import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { checkAtom } from "./check-atom.js";
import { checkJsonFeed } from "./check-json-feed.js";
import { checkRss } from "./check-rss.js";
import type { CheckProblem, Finding } from "./problem.js";

/** Feed file names and their checkers: what `feedwright check` looks for in each feed folder. */
export const FEED_CHECKERS: Readonly<Record<string, (text: string, expectedSelfUrl: string | null) => Finding[]>> = {
  "rss.xml": checkRss,
  "atom.xml": checkAtom,
  "feed.json": checkJsonFeed,
};

/** Folders whose subfolders hold per-tag and per-author feeds. */
export const GROUP_FEED_FOLDERS = ["tags", "authors"];

export interface CheckReport {
  /** Feed files checked, relative to the folder, `/`-separated, in a fixed order. */
  files: string[];
  problems: CheckProblem[];
  errors: number;
  warnings: number;
}

/**
 * Checks every published feed in `dir`: `rss.xml`, `atom.xml`, `feed.json` at the top and in
 * each `tags/<slug>/` and `authors/<slug>/` folder. Each file's self link must equal its URL:
 * `siteUrl` plus its path when given, else the URL the top-level feeds' own self links imply
 * (`https://example.org/blog/rss.xml` -> `https://example.org/blog/`). Never throws for a bad
 * feed; throws only when `dir` cannot be read.
 */
export async function checkFeeds(dir: string, options: { siteUrl?: string } = {}): Promise<CheckReport> {
  const files = await findFeedFiles(dir);
  const texts = new Map<string, string>();
  for (const file of files) texts.set(file, await readFile(path.join(dir, file), "utf8"));
  const base = options.siteUrl ? withSlash(options.siteUrl) : impliedBase(texts);
  const problems: CheckProblem[] = [];
  for (const file of files) {
    const checker = FEED_CHECKERS[path.posix.basename(file)]!;
    const expected = base === null ? null : new URL(file, base).href;
    for (const finding of checker(texts.get(file)!, expected)) problems.push({ file, ...finding });
  }
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return { files, problems, errors, warnings: problems.length - errors };
}

async function findFeedFiles(dir: string): Promise<string[]> {
  const folders = [""];
  for (const group of GROUP_FEED_FOLDERS) {
    const entries = await readdir(path.join(dir, group), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      folders.push(`${group}/${entry.name}/`);
    }
  }
  const top = await readdir(dir); // throws for a missing folder: the caller reports it
  const files: string[] = [];
  for (const folder of folders) {
    const names = folder === "" ? top : await readdir(path.join(dir, folder));
    for (const name of Object.keys(FEED_CHECKERS)) if (names.includes(name)) files.push(folder + name);
  }
  return files;
}

/** The site URL the top-level feeds claim for themselves, or null when none says. */
function impliedBase(texts: Map<string, string>): string | null {
  const patterns: Array<[string, RegExp]> = [
    ["rss.xml", /<atom:link\b[^>]*\brel="self"[^>]*>/],
    ["atom.xml", /<link\b[^>]*\brel="self"[^>]*>/],
  ];
  for (const [file, pattern] of patterns) {
    const tag = pattern.exec(texts.get(file) ?? "")?.[0];
    const href = tag ? /\bhref="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&") : undefined;
    if (href?.endsWith(`/${file}`)) return href.slice(0, -file.length);
  }
  try {
    const feedUrl = (JSON.parse(texts.get("feed.json") ?? "null") as { feed_url?: unknown } | null)?.feed_url;
    if (typeof feedUrl === "string" && feedUrl.endsWith("/feed.json")) return feedUrl.slice(0, -"feed.json".length);
  } catch {
    // a broken feed.json is reported by its checker
  }
  return null;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
