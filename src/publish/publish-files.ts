import { readdirSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { type FileContent, type StagedFile, type StagingContext, TEMP_FILE_PATTERN, hasSameBytes, stageFileAtomic, syncDirectory } from "./atomic-write.js";
import { LOCK_FILE, defaultIsProcessAlive } from "./lock.js";
import { MANIFEST_FILE, readManifest, staleFiles, writeManifest } from "./manifest.js";
import { publishBatches } from "./publish-order.js";
import { removeStaleFiles } from "./remove-stale.js";
import { UnsafePathError, assertSafeRelativePath, resolveInside } from "./safe-path.js";

/**
 * A file's content, or a function that renders it when it is about to be staged, so a
 * large site is never held in memory whole; the function returns null for a file the
 * caller has proven unchanged after rendering it (it is then left alone, like an unchanged file).
 * Or a file the caller staged already (a worker thread rendered and staged it: see
 * atomic-write.ts `stagedFile`): it is committed with the others, or aborted if the run fails.
 */
export type FileSource = FileContent | (() => FileContent | null) | StagedFile;

function isStagedFile(source: FileSource): source is StagedFile {
  return typeof source === "object" && !Array.isArray(source) && "commit" in source;
}

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
  /**
   * Called as each changed file is staged (written to its temp file) and again
   * as it is committed (renamed into place): for a progress bar.
   */
  onProgress?: (step: "staged" | "committed", relPath: string) => void;
  /**
   * Files the caller knows `outDir` already holds with the right bytes (an incremental run
   * proved it from its build state): listed in the manifest and reported unchanged, never
   * read, written or removed.
   */
  keep?: Iterable<string>;
}

/** File names feedwright keeps for itself in the out dir; a rendered file may not use them. */
export const RESERVED_OUT_FILES: readonly string[] = [MANIFEST_FILE, LOCK_FILE];

/**
 * A leftover temp file whose writer still seems alive is left alone, unless
 * it is older than this: by then the pid has surely been reused.
 */
export const ORPHAN_TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * File operations in flight at once. Each one waits on the thread pool, and a cold build
 * does tens of thousands (stage, fsync, rename, folder fsync), so many in flight keep the
 * disk busy; 8 left most of a 10,000-article write phase idle.
 */
const WRITE_CONCURRENCY = 64;

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
    for (let slash = relPath.indexOf("/"); slash !== -1; slash = relPath.indexOf("/", slash + 1)) {
      const folder = relPath.slice(0, slash);
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
  await forEachLimited([...folders], WRITE_CONCURRENCY, async (folder) => {
    let names: string[];
    try {
      // Synchronous: most folders of a cold build do not exist yet, and a failed lookup costs microseconds.
      names = readdirSync(folder);
    } catch {
      return;
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
  });
}

/**
 * Runs `task` over `items` with at most `limit` in flight. After a failure no
 * new item starts, every running one is waited for, and the first error is
 * thrown, so the caller can clean up knowing nothing is still in progress.
 */
async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/** Aborts staged files. Twice, because a folder one file created may still hold another's temp file the first time. */
async function abortAll(staged: Iterable<StagedFile>): Promise<void> {
  const list = [...staged];
  for (let pass = 0; pass < 2; pass++) {
    for (const file of list) await file.abort();
  }
}

/**
 * Publishes `files` (relative path -> content, or a function rendering it: see
 * {@link FileSource}) into `outDir`. Rendering functions run as their file is staged, a
 * few dozen at a time, so memory holds only the files in flight.
 *
 * Every path is checked first (no `..`, no absolute path, no NUL, no clash
 * with feedwright's own files); one bad path throws {@link UnsafePathError}
 * before anything is written. Then:
 * 1. leftover temp files from killed runs are removed;
 * 2. every changed file is staged: written to a temp file next to its target,
 *    flushed to disk when it replaces a published file (unchanged files are
 *    left alone). If any staging
 *    fails (disk full, permissions), all staged files are discarded and the
 *    error is thrown with the out dir as it was;
 * 3. the manifest is extended to list every file about to appear, so a run
 *    killed from here on can still clean up after itself next time;
 * 4. the staged files are renamed into place: pages and assets first, then
 *    feeds, then the home page (see publish-order.ts). A stale file standing
 *    where a folder must now go (or the reverse) is removed just before;
 * 5. files listed in the previous manifest but absent from `files` are
 *    removed (only those, and only regular files inside `outDir`);
 * 6. the manifest is rewritten to list exactly `files`.
 *
 * With `dryRun`, nothing is written or removed; the result says what would be.
 */
export async function publishFiles(
  outDir: string,
  files: Map<string, FileSource>,
  opts: PublishOptions = {},
): Promise<PublishResult> {
  const kept = [...(opts.keep ?? [])].filter((relPath) => !files.has(relPath));
  const relPaths = [...files.keys()].sort(byCodeUnit);
  const allPaths = [...relPaths, ...kept].sort(byCodeUnit);
  const isProcessAlive = opts.isProcessAlive ?? defaultIsProcessAlive;
  const now = opts.now ?? Date.now;
  const preStaged = [...files.values()].filter(isStagedFile);
  const contentOf = (relPath: string): FileContent | null => {
    const source = files.get(relPath) as Exclude<FileSource, StagedFile>;
    return typeof source === "function" ? source() : source;
  };
  const staging: StagingContext = { folders: new Set() };
  /** Stages one file unless its content is unchanged; the rendered content is dropped once staged. */
  const stage = async (relPath: string): Promise<StagedFile | "unchanged"> => {
    const source = files.get(relPath) as FileSource;
    if (isStagedFile(source)) return source;
    const content = contentOf(relPath);
    return content === null ? "unchanged" : stageFileAtomic(resolveInside(outDir, relPath), content, staging);
  };
  try {
    return await publishStaged();
  } catch (error) {
    // Files staged by the caller are this run's to discard too (after a commit this is a no-op).
    await abortAll(preStaged);
    throw error;
  }

  async function publishStaged(): Promise<PublishResult> {
    validatePaths(allPaths);

    const previous = await readManifest(outDir);
    const stale = staleFiles(previous, allPaths);
    const unchanged: string[] = [...kept];

    if (opts.dryRun) {
      const written: string[] = [];
      for (const relPath of relPaths) {
        if (isStagedFile(files.get(relPath) as FileSource)) {
          written.push(relPath);
          continue;
        }
        const content = contentOf(relPath);
        const same = content === null || (await hasSameBytes(resolveInside(outDir, relPath), content));
        (same ? unchanged : written).push(relPath);
      }
      const removable: string[] = [];
      for (const relPath of stale) {
        const stat = await fs.lstat(resolveInside(outDir, relPath)).catch(() => null);
        if (stat?.isFile()) removable.push(relPath);
      }
      // A dry run publishes nothing, so what the caller staged goes too.
      await abortAll(preStaged);
      return { written, unchanged, removed: removable };
    }

    // Folders this run created hold no one else's temp files: on a cold build that is every page's.
    const folders = new Set<string>([path.resolve(outDir)]);
    for (const relPath of relPaths) {
      const source = files.get(relPath) as FileSource;
      if (!(isStagedFile(source) && source.inNewFolder)) folders.add(path.dirname(resolveInside(outDir, relPath)));
    }
    for (const relPath of stale) folders.add(path.dirname(resolveInside(outDir, relPath)));
    await removeOrphanTempFiles(folders, isProcessAlive, now);

    // A stale file standing where a folder must now go (or the reverse) blocks staging, so it goes first.
    const inTheWay = stale.filter((old) => relPaths.some((p) => p.startsWith(`${old}/`) || old.startsWith(`${p}/`)));

    const staged = new Map<string, StagedFile>();
    try {
      await forEachLimited(
        relPaths.filter((p) => !inTheWay.some((old) => p.startsWith(`${old}/`))),
        WRITE_CONCURRENCY,
        async (relPath) => {
          const outcome = await stage(relPath);
          if (outcome === "unchanged") unchanged.push(relPath);
          else {
            staged.set(relPath, outcome);
            opts.onProgress?.("staged", relPath);
          }
        },
      );
      // An edit adds no path: the manifest already lists every file about to appear.
      const listed = new Set(previous);
      if (!allPaths.every((relPath) => listed.has(relPath))) await writeManifest(outDir, [...previous, ...allPaths]);
    } catch (error) {
      await abortAll(staged.values());
      throw error;
    }

    const removedEarly = await removeStaleFiles(outDir, inTheWay);
    // Paths below a file that was in the way could only be staged once it was gone.
    const unchangedSet = new Set(unchanged);
    try {
      for (const relPath of relPaths) {
        if (staged.has(relPath) || unchangedSet.has(relPath)) continue;
        const outcome = await stage(relPath);
        if (outcome === "unchanged") unchanged.push(relPath);
        else {
          staged.set(relPath, outcome);
          opts.onProgress?.("staged", relPath);
        }
      }
    } catch (error) {
      await abortAll(staged.values());
      throw error;
    }

    const committed = new Set<string>();
    try {
      for (const batch of publishBatches(staged.keys())) {
        // A chunk at a time, reported in batch order; a failed rename stops the run before the next chunk.
        for (let start = 0; start < batch.length; start += WRITE_CONCURRENCY) {
          const chunk = batch.slice(start, start + WRITE_CONCURRENCY);
          const outcomes = await Promise.allSettled(chunk.map((relPath) => (staged.get(relPath) as StagedFile).commit()));
          let failure: PromiseRejectedResult | undefined;
          outcomes.forEach((outcome, index) => {
            const relPath = chunk[index] as string;
            if (outcome.status === "rejected") failure ??= outcome;
            else {
              committed.add(relPath);
              opts.onProgress?.("committed", relPath);
            }
          });
          if (failure) throw failure.reason;
        }
        // Only a replaced file's rename needs to survive a power cut (see stageFileAtomic).
        const replaced = batch.filter((relPath) => (staged.get(relPath) as StagedFile).replaces);
        const batchFolders = [...new Set(replaced.map((relPath) => path.dirname(resolveInside(outDir, relPath))))];
        await forEachLimited(batchFolders, WRITE_CONCURRENCY, syncDirectory);
      }
    } catch (error) {
      await abortAll([...staged].filter(([relPath]) => !committed.has(relPath)).map(([, file]) => file));
      throw error;
    }

    const removedLate = await removeStaleFiles(
      outDir,
      stale.filter((relPath) => !inTheWay.includes(relPath)),
    );
    await writeManifest(outDir, allPaths);

    return {
      written: [...staged.keys()].sort(byCodeUnit),
      unchanged: unchanged.sort(byCodeUnit),
      removed: [...removedEarly, ...removedLate].sort(byCodeUnit),
    };
  }
}
