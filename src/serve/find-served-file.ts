import { open, realpath, stat } from "node:fs/promises";
import path from "node:path";

/** A file found inside the served folder, read whole. */
export interface FoundFile {
  kind: "file";
  /** Real path (symlinks resolved) of the file that was read. */
  realPath: string;
  /** The file name as requested (`index.html` for a directory): what decides its content type. */
  requestedName: string;
  body: Buffer;
  lastModifiedMs: number;
}

/** What a request for some segments inside the folder turns out to be. */
export type ServedFileLookup =
  | FoundFile
  | { kind: "redirect-to-directory" }
  | { kind: "not-found" }
  | { kind: "outside-folder" };

const NOT_FOUND_CODES = new Set(["ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG", "EISDIR"]);

function isNotFoundError(error: unknown): boolean {
  return typeof error === "object" && error !== null && NOT_FOUND_CODES.has(String((error as { code?: unknown }).code));
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/**
 * Finds and reads the file a request names. `segments` must already be safe
 * (see resolveRequestPath); this adds the check that only the file system can
 * make: after resolving symlinks, the file must still be inside `dir`.
 *
 * The file is opened once and then stat-ed and read through that descriptor,
 * so the body, size and mtime all belong to the same file even while a build
 * replaces it: feedwright publishes by writing a temporary file and renaming
 * it over the old one, and an open descriptor keeps the old inode. A reader
 * therefore always gets a whole old file or a whole new one, never a mix.
 * Reading into a buffer (rather than streaming) is fine for feeds and pages,
 * and lets the server hash it for the ETag and compress it once.
 */
export async function findServedFile(dir: string, segments: readonly string[], trailingSlash: boolean): Promise<ServedFileLookup> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch (error) {
    if (isNotFoundError(error)) return { kind: "not-found" };
    throw error;
  }
  try {
    let requestedName = segments.at(-1) ?? "index.html";
    let target = await realpath(path.join(root, ...segments));
    if (!isInside(root, target)) return { kind: "outside-folder" };
    const info = await stat(target);
    if (info.isDirectory()) {
      if (!trailingSlash) return { kind: "redirect-to-directory" };
      requestedName = "index.html";
      target = await realpath(path.join(target, requestedName));
      if (!isInside(root, target)) return { kind: "outside-folder" };
    } else if (trailingSlash) {
      return { kind: "not-found" };
    }
    const handle = await open(target, "r");
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { kind: "not-found" };
      const body = await handle.readFile();
      return { kind: "file", realPath: target, requestedName, body, lastModifiedMs: opened.mtimeMs };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isNotFoundError(error)) return { kind: "not-found" };
    throw error;
  }
}
