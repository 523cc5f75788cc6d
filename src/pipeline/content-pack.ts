import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * The content pack: every article's sanitised content HTML, appended to one file in the
 * cache folder as it is derived. Content is most of what a build holds, so keeping it on
 * disk bounds a large cold build's memory, and an incremental run reads back the few
 * articles it renders instead of deriving them again. Like the cache it only saves work:
 * each entry carries its hash, and an entry that does not read back whole is derived again.
 */

/** File name of the content pack, in the cache folder. */
export const CONTENT_PACK_FILE = "content.pack";

/** Where one article's sanitised content lies in the pack, and the URL it was sanitised against. */
export interface PackedContent {
  offset: number;
  length: number;
  /** SHA-256 hex of the stored bytes. */
  hash: string;
  url: string;
}

/** An open content pack. Synchronous on purpose: entries are small and read while rendering. */
export interface ContentPack {
  /** Appends sanitised content and says where it went. */
  append(html: string, url: string): PackedContent;
  /** The content at `entry`, or null when the pack no longer holds it whole. */
  read(entry: PackedContent): string | null;
  close(): void;
}

/** Where the content pack lives: next to the article cache file. */
export function contentPackFile(cacheFile: string): string {
  return path.join(path.dirname(cacheFile), CONTENT_PACK_FILE);
}

/**
 * Opens the pack at `file` for reading and appending, or empties it first with `fresh`
 * (a run that derives every article starts a new pack, so old entries do not pile up).
 * Entries are only ever appended, so the offsets an older cache file recorded stay valid.
 */
export function openContentPack(file: string, options: { fresh: boolean }): ContentPack {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, options.fresh ? "w+" : "a+");
  let size = fstatSync(fd).size;
  return {
    append(html, url) {
      const bytes = Buffer.from(html, "utf8");
      const offset = size;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      size += bytes.length;
      return { offset, length: bytes.length, hash: createHash("sha256").update(bytes).digest("hex"), url };
    },
    read(entry) {
      if (!Number.isSafeInteger(entry.offset) || !Number.isSafeInteger(entry.length) || entry.offset < 0 || entry.length < 0) return null;
      if (entry.offset + entry.length > size) return null;
      const bytes = Buffer.alloc(entry.length);
      let done = 0;
      while (done < entry.length) {
        const read = readSync(fd, bytes, done, entry.length - done, entry.offset + done);
        if (read === 0) return null;
        done += read;
      }
      return createHash("sha256").update(bytes).digest("hex") === entry.hash ? bytes.toString("utf8") : null;
    },
    close() {
      closeSync(fd);
    },
  };
}
