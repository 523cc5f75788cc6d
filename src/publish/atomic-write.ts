import { randomBytes } from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { joinParts } from "../json-parts.js";

/**
 * Writes a file so that a reader (or a crash) only ever sees the old bytes or
 * the new bytes, never a mix, and does not touch a file whose bytes are
 * already right, so web servers keep its ETag and Last-Modified.
 */

/**
 * Temp files written by {@link writeFileAtomic}: `.<base>.<pid>.<random>.tmp`.
 * Group 1 is the target's base name, group 2 the writer's pid. The leading dot
 * keeps them out of directory listings and most web server configs; the pid
 * lets a later run tell whether the writer is still alive.
 */
export const TEMP_FILE_PATTERN = /^\.(.+)\.(\d+)\.([0-9a-f]{12})\.tmp$/;

/** The temp file name used for `targetPath`, in the same directory so `rename` stays atomic. */
export function tempPathFor(targetPath: string): string {
  const dir = path.dirname(targetPath);
  const base = path.basename(targetPath);
  // A random prefix per process and a counter: unique within the run without a random draw
  // per file (the "wx" open refuses a clash anyway).
  tempCounter = (tempCounter + 1) % 0x1000000;
  return path.join(dir, `.${base}.${process.pid}.${TEMP_PREFIX}${tempCounter.toString(16).padStart(6, "0")}.tmp`);
}

const TEMP_PREFIX = randomBytes(3).toString("hex");
let tempCounter = 0;

/** What a file is written from: bytes, a string, or strings written one after another (see {@link stageFileSync}). */
export type FileContent = string | Uint8Array | readonly string[];

function toBytes(data: FileContent): Uint8Array {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  return data instanceof Uint8Array ? data : Buffer.concat(data.map((part) => Buffer.from(part, "utf8")));
}

function byteLength(data: FileContent): number {
  if (typeof data === "string") return Buffer.byteLength(data, "utf8");
  if (data instanceof Uint8Array) return data.byteLength;
  let total = 0;
  for (const part of data) total += Buffer.byteLength(part, "utf8");
  return total;
}

/**
 * Whether the file at `filePath` already holds exactly `data`.
 * A missing file, or anything that is not a regular file, counts as different.
 */
export async function hasSameBytes(filePath: string, data: FileContent): Promise<boolean> {
  const bytes = toBytes(data);
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch {
    return false;
  }
  // Size first: most changed files differ in length, and that needs no read.
  if (!stat.isFile() || stat.size !== bytes.byteLength) return false;
  try {
    const existing = await fs.readFile(filePath);
    return Buffer.compare(existing, bytes) === 0;
  } catch {
    return false;
  }
}

/** fsync a directory so a rename in it survives a power cut; not every platform allows it, hence best effort. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Best effort: some file systems refuse fsync on a directory.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * A file whose new bytes are in a temp file next to the target, not yet
 * visible under the target's name.
 */
export interface StagedFile {
  readonly targetPath: string;
  /**
   * True when the target already existed: its temp file was fsynced, and the folder must be
   * fsynced after the rename, so a power cut cannot swap published bytes for an empty file.
   */
  readonly replaces: boolean;
  /**
   * True when staging created the target's folder: no earlier run can have left a temp file
   * in it, so publishing need not look there for one.
   */
  readonly inNewFolder: boolean;
  /** Renames the temp file over the target: the atomic moment readers switch to the new bytes. */
  commit(): Promise<void>;
  /** Removes the temp file, and any folders that staging created and that are still empty. */
  abort(): Promise<void>;
}

/** Shared by the stagings of one publish run: the folders known to exist, so each is created once. */
export interface StagingContext {
  folders: Set<string>;
}

/**
 * First half of {@link writeFileAtomic}: writes `data` to a temp file in the
 * target's folder (creating folders as needed), or returns "unchanged" when the
 * target already holds identical bytes. Staging every file of a run before
 * committing any lets a run that fails part-way (disk full, permissions) leave
 * the out dir exactly as it was.
 *
 * A temp file that will replace an existing file is fsynced before it can be
 * renamed over it: published bytes are only ever swapped for new bytes that are
 * on disk. A brand-new file is not: there is nothing published to lose, and a
 * power cut can only leave it missing or short, which the next run's build
 * state sees (its size or mtime differs) and rewrites. Skipping those fsyncs
 * is most of what made a cold build's write phase slow.
 *
 * The file operations are synchronous: each is a page-cache operation of a few
 * microseconds, cheaper run in line than queued on libuv's thread pool.
 */
export async function stageFileAtomic(filePath: string, data: FileContent, context?: StagingContext): Promise<StagedFile | "unchanged"> {
  const staged = stageFileSync(filePath, data, context);
  return staged === "unchanged" ? staged : stagedFile(staged, context);
}

/**
 * A staged file as plain data, so a worker thread can stage a file and the main thread
 * commit it ({@link stagedFile}).
 */
export interface StagedRecord {
  targetPath: string;
  tempPath: string;
  replaces: boolean;
  /** The first folder staging had to create, if any: abort removes it again when empty. */
  firstCreated?: string;
}

/**
 * {@link stageFileAtomic}, synchronous, returning the staged file as data. Content given as
 * parts is written part by part: it is never made one string or one buffer, unless it has
 * to be compared with a file of the same size.
 */
export function stageFileSync(filePath: string, data: FileContent, context?: StagingContext): StagedRecord | "unchanged" {
  // One stat answers "does it exist?", "same bytes?" (with a read only when the size matches) and "which mode to keep?".
  const existing = fsSync.statSync(filePath, { throwIfNoEntry: false });
  if (existing?.isFile() && existing.size === byteLength(data)) {
    let current: Buffer | null = null;
    try {
      current = fsSync.readFileSync(filePath);
    } catch {
      // Unreadable: write it anew.
    }
    if (current && Buffer.compare(current, toBytes(data)) === 0) return "unchanged";
  }

  const dir = path.dirname(filePath);
  let firstCreated: string | undefined;
  if (!context?.folders.has(dir)) {
    firstCreated = fsSync.mkdirSync(dir, { recursive: true });
    context?.folders.add(dir);
  }
  const record: StagedRecord = { targetPath: filePath, tempPath: tempPathFor(filePath), replaces: existing !== undefined, ...(firstCreated === undefined ? {} : { firstCreated }) };
  let fd: number | undefined;
  try {
    fd = fsSync.openSync(record.tempPath, "wx", 0o666);
    if (typeof data === "string" || data instanceof Uint8Array) fsSync.writeFileSync(fd, data);
    else for (const part of data) fsSync.writeFileSync(fd, part);
    if (existing) fsSync.fchmodSync(fd, existing.mode & 0o7777);
    if (record.replaces) fsSync.fsyncSync(fd);
    fsSync.closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) fsSync.closeSync(fd);
    discardStaged(record, context);
    throw error;
  }
  return record;
}

/** Removes a staged temp file and the folders its staging created, when they are empty; never throws. */
function discardStaged(record: StagedRecord, context?: StagingContext): void {
  try {
    fsSync.rmSync(record.tempPath, { force: true });
  } catch {
    // Not removable: a later run's orphan sweep takes it.
  }
  const { firstCreated } = record;
  if (firstCreated === undefined) return;
  for (let folder = path.dirname(record.targetPath); folder.length >= firstCreated.length; folder = path.dirname(folder)) {
    try {
      fsSync.rmdirSync(folder);
      context?.folders.delete(folder);
    } catch {
      return; // not empty: something else lives there now
    }
  }
}

/**
 * The {@link StagedFile} for a staged record, wherever it was staged. Aborting after a
 * commit changes nothing: the temp file is gone and the target's folder is not empty.
 */
export function stagedFile(record: StagedRecord, context?: StagingContext): StagedFile {
  return new StagedTempFile(record, context);
}

/** A class rather than an object of closures: a 100,000-page build holds one per page until it commits. */
class StagedTempFile implements StagedFile {
  constructor(
    private readonly record: StagedRecord,
    private readonly context: StagingContext | undefined,
  ) {}

  get targetPath(): string {
    return this.record.targetPath;
  }

  get replaces(): boolean {
    return this.record.replaces;
  }

  get inNewFolder(): boolean {
    return this.record.firstCreated !== undefined;
  }

  async abort(): Promise<void> {
    discardStaged(this.record, this.context);
  }

  async commit(): Promise<void> {
    try {
      fsSync.renameSync(this.record.tempPath, this.record.targetPath);
    } catch (error) {
      await this.abort();
      throw error;
    }
  }
}

/**
 * Writes `data` to `filePath` atomically, creating parent folders as needed.
 *
 * Returns "unchanged" without touching the file (its mtime included) when it
 * already holds identical bytes. Otherwise writes a temp file in the same
 * folder, renames it over the target (fsyncing the temp file and the folder
 * when an existing file is replaced) and returns "written". An existing file's permission bits are kept. On error the
 * temp file is removed and the target is left as it was.
 */
export async function writeFileAtomic(filePath: string, data: FileContent): Promise<"written" | "unchanged"> {
  const staged = await stageFileAtomic(filePath, data);
  if (staged === "unchanged") return "unchanged";
  await staged.commit();
  if (staged.replaces) await syncDirectory(path.dirname(filePath));
  return "written";
}

/**
 * Writes a file atomically from parts produced one by one (a large cache), so the whole
 * content is never held in memory: the parts go to a temp file some kilobytes at a time, which is
 * then renamed over the target. As in {@link writeFileAtomic}, a replaced file's bytes are
 * flushed before the rename and its folder after it. Always writes: no same-bytes check.
 */
export async function writeFileAtomicFromParts(filePath: string, parts: Iterable<string>): Promise<void> {
  const existing = fsSync.statSync(filePath, { throwIfNoEntry: false });
  fsSync.mkdirSync(path.dirname(filePath), { recursive: true });
  const tempPath = tempPathFor(filePath);
  const fd = fsSync.openSync(tempPath, "wx", 0o666);
  try {
    // Kept well under V8's large-object size: a megabyte string each time was 186 MB of
    // large-object garbage for a 100,000-article cache.
    for (const part of joinParts(parts)) fsSync.writeFileSync(fd, part);
    if (existing) {
      fsSync.fchmodSync(fd, existing.mode & 0o7777);
      fsSync.fsyncSync(fd);
    }
    fsSync.closeSync(fd);
    fsSync.renameSync(tempPath, filePath);
  } catch (error) {
    try {
      fsSync.closeSync(fd);
    } catch {
      // Closed already.
    }
    fsSync.rmSync(tempPath, { force: true });
    throw error;
  }
  if (existing) await syncDirectory(path.dirname(filePath));
}
