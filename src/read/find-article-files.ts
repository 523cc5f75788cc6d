import { readdir } from "node:fs/promises";
import path from "node:path";

/** File name endings feedwright reads as articles, as data. */
export const ARTICLE_EXTENSIONS: readonly string[] = [".md", ".markdown"];

/**
 * Lists every article file under `root`, recursively, as `/`-separated paths relative to
 * `root`, sorted by code point so the order never depends on the file system.
 * Hidden files and folders (a leading dot) and `node_modules` are skipped.
 */
export async function findArticleFiles(
  root: string,
  extensions: readonly string[] = ARTICLE_EXTENSIONS,
): Promise<string[]> {
  const found: string[] = [];
  await walk(root, "", extensions, found);
  return found.sort(compareCodePoints);
}

async function walk(root: string, relativeDir: string, extensions: readonly string[], found: string[]): Promise<void> {
  const entries = await readdir(path.join(root, relativeDir), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const relative = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) {
      await walk(root, relative, extensions, found);
    } else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase())) {
      found.push(relative);
    }
  }
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
