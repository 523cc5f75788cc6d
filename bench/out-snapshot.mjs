// @ts-check
/**
 * Which files a build wrote: a snapshot of the output folder before and after, compared.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Every file under `dir` with what identifies one write of it (mtime in ns, inode, size).
 * @param {string} dir
 * @returns {Promise<Map<string, string>>}
 */
export async function snapshot(dir) {
  const files = new Map();
  if (!existsSync(dir)) return files;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const info = await stat(full, { bigint: true });
    files.set(path.relative(dir, full), `${info.mtimeNs}:${info.ino}:${info.size}`);
  }
  return files;
}

/**
 * Counts files new or rewritten (another mtime, inode or size) and files gone.
 * @param {Map<string, string>} before
 * @param {Map<string, string>} after
 */
export function diffSnapshots(before, after) {
  let written = 0;
  let removed = 0;
  for (const [file, id] of after) if (before.get(file) !== id) written++;
  for (const file of before.keys()) if (!after.has(file)) removed++;
  return { written, removed, total: after.size };
}
