import { randomBytes } from "node:crypto";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";

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
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? Buffer.from(data, "utf8") : data;
}

/**
 * Whether the file at `filePath` already holds exactly `data`.
 * A missing file, or anything that is not a regular file, counts as different.
 */
export async function hasSameBytes(filePath: string, data: string | Uint8Array): Promise<boolean> {
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
 * A file whose new bytes are on disk in a temp file next to the target, not
 * yet visible under the target's name.
 */
export interface StagedFile {
  readonly targetPath: string;
  /** Renames the temp file over the target: the atomic moment readers switch to the new bytes. */
  commit(): Promise<void>;
  /** Removes the temp file, and any folders that staging created and that are still empty. */
  abort(): Promise<void>;
}

/**
 * First half of {@link writeFileAtomic}: writes `data` to a temp file in the
 * target's folder (creating folders as needed) and fsyncs it, or returns
 * "unchanged" when the target already holds identical bytes. Staging every
 * file of a run before committing any lets a run that fails part-way (disk
 * full, permissions) leave the out dir exactly as it was.
 */
export async function stageFileAtomic(filePath: string, data: string | Uint8Array): Promise<StagedFile | "unchanged"> {
  const bytes = toBytes(data);
  // One stat answers both "same bytes?" (with a read only when the size matches) and "which mode to keep?".
  const existing = await fs.stat(filePath).catch(() => null);
  if (existing?.isFile() && existing.size === bytes.byteLength) {
    const current = await fs.readFile(filePath).catch(() => null);
    if (current && Buffer.compare(current, bytes) === 0) return "unchanged";
  }

  const dir = path.dirname(filePath);
  // mkdir reports the first folder it had to create, so abort can remove exactly those.
  const firstCreated = await fs.mkdir(dir, { recursive: true });
  const removeCreatedFolders = async () => {
    if (firstCreated === undefined) return;
    for (let folder = dir; folder.length >= firstCreated.length; folder = path.dirname(folder)) {
      try {
        await fs.rmdir(folder);
      } catch {
        return; // not empty: something else lives there now
      }
    }
  };

  const existingMode = existing ? existing.mode & 0o7777 : undefined;

  const tempPath = tempPathFor(filePath);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(tempPath, "wx", 0o666);
    await handle.writeFile(bytes);
    if (existingMode !== undefined) await handle.chmod(existingMode);
    await handle.sync();
    await handle.close();
    handle = undefined;
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(tempPath, { force: true }).catch(() => {});
    await removeCreatedFolders();
    throw error;
  }

  const abort = async () => {
    await fs.rm(tempPath, { force: true }).catch(() => {});
    await removeCreatedFolders();
  };
  return {
    targetPath: filePath,
    abort,
    async commit() {
      try {
        await fs.rename(tempPath, filePath);
      } catch (error) {
        await abort();
        throw error;
      }
    },
  };
}

/**
 * Writes `data` to `filePath` atomically, creating parent folders as needed.
 *
 * Returns "unchanged" without touching the file (its mtime included) when it
 * already holds identical bytes. Otherwise writes a temp file in the same
 * folder, fsyncs it, renames it over the target, fsyncs the folder and
 * returns "written". An existing file's permission bits are kept. On error the
 * temp file is removed and the target is left as it was.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<"written" | "unchanged"> {
  const staged = await stageFileAtomic(filePath, data);
  if (staged === "unchanged") return "unchanged";
  await staged.commit();
  await syncDirectory(path.dirname(filePath));
  return "written";
}
