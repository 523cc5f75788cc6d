import fs from "node:fs/promises";
import path from "node:path";
import { unsafePathReason } from "./safe-path.js";

/**
 * Removes files an earlier run wrote and this run no longer produces, without
 * ever touching anything else in the out dir.
 */

/**
 * Whether every folder between `root` and `fullPath` (exclusive) is a real
 * folder, not a symlink: a symlinked folder could lead anywhere, so nothing
 * below one is ever removed.
 */
async function hasPlainFolderChain(root: string, relPath: string): Promise<boolean> {
  const segments = relPath.split("/").slice(0, -1);
  let current = root;
  for (const segment of segments) {
    current = path.join(current, segment);
    try {
      const stat = await fs.lstat(current);
      if (!stat.isDirectory()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Removes each of `relPaths` (paths relative to `outDir`, normally from
 * {@link staleFiles}) and returns the ones actually removed, sorted.
 *
 * Refuses anything unsafe: paths with `..`, absolute paths, paths through a
 * symlinked folder, and anything that is not a regular file (a folder, or a
 * symlink someone put in its place). After removing a file, removes its
 * folder if that left it empty, and so on upwards, never `outDir` itself.
 * `rmdir` only removes empty folders, so a folder holding any other file
 * stays, and a folder that was already empty before is never looked at.
 */
export async function removeStaleFiles(outDir: string, relPaths: Iterable<string>): Promise<string[]> {
  const root = path.resolve(outDir);
  const removed: string[] = [];
  const emptiedCandidates = new Set<string>();

  for (const relPath of relPaths) {
    if (unsafePathReason(relPath) !== null) continue;
    if (!(await hasPlainFolderChain(root, relPath))) continue;
    const fullPath = path.join(root, ...relPath.split("/"));
    try {
      const stat = await fs.lstat(fullPath);
      if (!stat.isFile()) continue;
      await fs.unlink(fullPath);
    } catch {
      continue; // already gone, or not ours to remove
    }
    removed.push(relPath);
    emptiedCandidates.add(path.dirname(fullPath));
  }

  // Deepest first, so a parent is tried after its children.
  const folders = [...emptiedCandidates].sort((a, b) => b.length - a.length);
  for (const start of folders) {
    let folder = start;
    while (folder.startsWith(root + path.sep)) {
      try {
        await fs.rmdir(folder);
      } catch {
        break; // not empty (or gone): stop climbing
      }
      folder = path.dirname(folder);
    }
  }

  return removed.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
