import fs from "node:fs/promises";
import path from "node:path";
import { TEMP_FILE_PATTERN, hasSameBytes, writeFileAtomic } from "./atomic-write.js";
import { LOCK_FILE, defaultIsProcessAlive } from "./lock.js";
import { MANIFEST_FILE, readManifest, staleFiles, writeManifest } from "./manifest.js";
import { publishBatches } from "./publish-order.js";
import { removeStaleFiles } from "./remove-stale.js";
import { UnsafePathError, assertSafeRelativePath, resolveInside } from "./safe-path.js";

/** What a publish did (or, with `dryRun`, would do). Paths are relative to the out dir, `/`-separated, sorted. */
export interface PublishResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface PublishOptions {
  /** Work out the result without writing or removing anything. */
  dryRun?: boolean;
  /** Whether a pid on this host is running (for leftover temp files). Default: `process.kill(pid, 0)`. */
  isProcessAlive?: (pid: number) => boolean;
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** File names feedwright keeps for itself in the out dir; a rendered file may not use them. */
export const RESERVED_OUT_FILES: readonly string[] = [MANIFEST_FILE, LOCK_FILE];

/**
 * A leftover temp file whose writer still seems alive is left alone, unless
 * it is older than this: by then the pid has surely been reused.
 */
export const ORPHAN_TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** Files written at the same time within one batch; fsync latency dominates, so a few in flight help. */
const WRITE_CONCURRENCY = 8;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Throws a clear error for any path that is unsafe, reserved, or both a file and a folder. */
function validatePaths(relPaths: string[]): void {
  for (const relPath of relPaths) {
    assertSafeRelativePath(relPath);
    if (RESERVED_OUT_FILES.includes(relPath)) {
      throw new UnsafePathError(relPath, "is reserved for feedwright's own bookkeeping");
    }
    if (TEMP_FILE_PATTERN.test(path.posix.basename(relPath))) {
      throw new UnsafePathError(relPath, "looks like one of feedwright's temporary files");
    }
  }
  const files = new Set(relPaths);
  for (const relPath of relPaths) {
    const segments = relPath.split("/");
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join("/");
      if (files.has(folder)) {
        throw new UnsafePathError(relPath, `needs ${JSON.stringify(folder)} to be a folder, but it is also a file to write`);
      }
    }
  }
}

/**
 * Removes temp files left in `folders` by killed runs: names matching
 * {@link TEMP_FILE_PATTERN} whose pid is not this process and is dead (or the
 * file is very old). They are dotfiles, but some servers publish those too.
 */
async function removeOrphanTempFiles(
  folders: Iterable<string>,
  isProcessAlive: (pid: number) => boolean,
  now: () => number,
): Promise<void> {
  for (const folder of folders) {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_FILE_PATTERN.exec(name);
      if (!match) continue;
      const pid = Number(match[2]);
      if (pid === process.pid) continue;
      const fullPath = path.join(folder, name);
      try {
        const stat = await fs.lstat(fullPath);
        if (!stat.isFile()) continue;
        if (isProcessAlive(pid) && now() - stat.mtimeMs < ORPHAN_TEMP_MAX_AGE_MS) continue;
        await fs.unlink(fullPath);
      } catch {
        // Gone already, or not removable: harmless either way.
      }
    }
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Publishes `files` (relative path -> content) into `outDir`.
 *
 * Every path is checked first (no `..`, no absolute path, no NUL, no clash
 * with feedwright's own files); one bad path throws {@link UnsafePathError}
 * before anything is written. Then:
 * 1. the manifest is extended to list every file about to be written, so a
 *    run killed part-way can still clean up after itself next time;
 * 2. leftover temp files from killed runs are removed;
 * 3. each file is written atomically (after first removing any stale file
 *    that stands where a folder must go, or the reverse), unchanged ones left untouched; pages
 *    and assets first, then feeds, then the home page (see publish-order.ts);
 * 4. files listed in the previous manifest but absent from `files` are
 *    removed (only those, and only regular files inside `outDir`);
 * 5. the manifest is rewritten to list exactly `files`.
 */
export async function publishFiles(
  outDir: string,
  files: Map<string, string | Uint8Array>,
  opts: PublishOptions = {},
): Promise<PublishResult> {
  const relPaths = [...files.keys()].sort(byCodeUnit);
  validatePaths(relPaths);
  const isProcessAlive = opts.isProcessAlive ?? defaultIsProcessAlive;
  const now = opts.now ?? Date.now;

  const previous = await readManifest(outDir);
  const stale = staleFiles(previous, relPaths);
  const written: string[] = [];
  const unchanged: string[] = [];

  if (opts.dryRun) {
    for (const relPath of relPaths) {
      const same = await hasSameBytes(resolveInside(outDir, relPath), files.get(relPath) as string | Uint8Array);
      (same ? unchanged : written).push(relPath);
    }
    const removable: string[] = [];
    for (const relPath of stale) {
      const stat = await fs.lstat(resolveInside(outDir, relPath)).catch(() => null);
      if (stat?.isFile()) removable.push(relPath);
    }
    return { written, unchanged, removed: removable };
  }

  await writeManifest(outDir, [...previous, ...relPaths]);

  const folders = new Set<string>([path.resolve(outDir)]);
  for (const relPath of [...relPaths, ...stale]) folders.add(path.dirname(resolveInside(outDir, relPath)));
  await removeOrphanTempFiles(folders, isProcessAlive, now);

  // A stale file standing where a folder must now go (or the reverse) has to go before the writes.
  const inTheWay = stale.filter((old) => relPaths.some((p) => p.startsWith(`${old}/`) || old.startsWith(`${p}/`)));
  const removedEarly = await removeStaleFiles(outDir, inTheWay);

  for (const batch of publishBatches(relPaths)) {
    await forEachLimited(batch, WRITE_CONCURRENCY, async (relPath) => {
      const outcome = await writeFileAtomic(resolveInside(outDir, relPath), files.get(relPath) as string | Uint8Array);
      (outcome === "written" ? written : unchanged).push(relPath);
    });
  }

  const removedLate = await removeStaleFiles(
    outDir,
    stale.filter((relPath) => !inTheWay.includes(relPath)),
  );
  const removed = [...removedEarly, ...removedLate].sort(byCodeUnit);
  await writeManifest(outDir, relPaths);

  return { written: written.sort(byCodeUnit), unchanged: unchanged.sort(byCodeUnit), removed };
}
