import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../article.js";

/** File name endings feedwright reads as articles, as data. */
export const ARTICLE_EXTENSIONS: readonly string[] = [".md", ".markdown"];

export interface FoundFiles {
  /** `/`-separated paths relative to the root, in code-point order. */
  files: string[];
  /** Links that were not followed, and folders that could not be listed. */
  diagnostics: Diagnostic[];
}

/**
 * Lists every article file under `root`, recursively, as `/`-separated paths relative to
 * `root`, sorted by code point so the order never depends on the file system.
 * Hidden files and folders (a leading dot) and `node_modules` are skipped. Symbolic links
 * are followed only when their target lies inside `root` (a link out of the folder could
 * publish private files); a folder reached twice through links is read once.
 */
export async function findArticleFiles(root: string, extensions: readonly string[] = ARTICLE_EXTENSIONS): Promise<FoundFiles> {
  const realRoot = await realpath(root);
  const found: FoundFiles = { files: [], diagnostics: [] };
  await walk({ root, realRoot, extensions, found, visited: new Set([realRoot]) }, "");
  found.files.sort(compareCodePoints);
  return found;
}

interface Walk {
  root: string;
  realRoot: string;
  extensions: readonly string[];
  found: FoundFiles;
  visited: Set<string>;
}

async function walk(context: Walk, relativeDir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(context.root, relativeDir), { withFileTypes: true });
  } catch (error) {
    context.found.diagnostics.push({
      file: relativeDir || ".",
      message: `cannot list this folder (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions; its files are skipped`,
    });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const relative = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await followInside(context, relative);
      if (!target) continue;
      isDirectory = target.isDirectory;
      isFile = target.isFile;
      if (isDirectory) {
        if (context.visited.has(target.real)) continue;
        context.visited.add(target.real);
      }
    }
    if (isDirectory) await walk(context, relative);
    else if (isFile && context.extensions.includes(path.extname(entry.name).toLowerCase())) context.found.files.push(relative);
  }
}

async function followInside(context: Walk, relative: string): Promise<{ real: string; isDirectory: boolean; isFile: boolean } | null> {
  const linkPath = path.join(context.root, relative);
  let real: string;
  try {
    real = await realpath(linkPath);
  } catch {
    context.found.diagnostics.push({ file: relative, message: "symbolic link to nothing; not followed" });
    return null;
  }
  if (real !== context.realRoot && !real.startsWith(context.realRoot + path.sep)) {
    context.found.diagnostics.push({
      file: relative,
      message: "symbolic link leads outside the articles folder; not followed (copy the file in if it should publish)",
    });
    return null;
  }
  const stats = await stat(real);
  return { real, isDirectory: stats.isDirectory(), isFile: stats.isFile() };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
