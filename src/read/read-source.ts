import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../article.js";
import { endsInPartialUtf8 } from "./ends-in-partial-utf8.js";

export interface ReadLimits {
  /** Files larger than this are refused. */
  maxBytes: number;
  /** Files modified less than this long ago may still be being written: left for the next run. */
  settleMs: number;
  /** The wall clock (epoch ms), for file ages. */
  now: number;
}

/** How long a visibly incomplete file counts as "being written" rather than broken. */
export const INCOMPLETE_GRACE_MS = 10 * 60 * 1000;

export type ReadResult =
  | { ok: true; text: string; size: number; mtimeMs: number }
  /** `pending`: probably still being written, picked up by a later run; `skipped`: bad input. */
  | { ok: false; kind: "pending" | "skipped"; diagnostic: Diagnostic };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads one article file as text, refusing what cannot be an article: files over the size
 * cap, binary files (NUL bytes), text that is not UTF-8. Files that look mid-write (modified
 * within the settle time, empty, or ending inside a UTF-8 sequence) are left for the next
 * run. A byte order mark is dropped and CRLF line endings become LF.
 */
export async function readSource(articlesDir: string, sourcePath: string, limits: ReadLimits): Promise<ReadResult> {
  const file = path.join(articlesDir, sourcePath);
  const skipped = (message: string): ReadResult => ({ ok: false, kind: "skipped", diagnostic: { file: sourcePath, message } });
  const pending = (message: string): ReadResult => ({ ok: false, kind: "pending", diagnostic: { file: sourcePath, message } });
  let bytes: Uint8Array;
  let size: number;
  let mtimeMs: number;
  try {
    const stats = await stat(file);
    size = stats.size;
    mtimeMs = stats.mtimeMs;
    if (size > limits.maxBytes) {
      return skipped(`file is ${formatBytes(size)}, over the ${formatBytes(limits.maxBytes)} limit (maxFileBytes); raise the limit if it really is an article; the file is skipped`);
    }
    const age = limits.now - mtimeMs;
    if (age < limits.settleMs) return pending(`modified ${Math.max(0, Math.round(age / 1000))} s ago and may still be being written; it will be published by a later run`);
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return skipped(`cannot read the file (${code}); check its permissions; the file is skipped`);
  }
  const recent = limits.now - mtimeMs < INCOMPLETE_GRACE_MS;
  if (bytes.length === 0) {
    return recent ? pending("empty file, probably still being written; it will be published by a later run") : skipped("empty file; the file is skipped");
  }
  if (bytes.includes(0)) return skipped("binary file (it contains NUL bytes), not an article; the file is skipped");
  if (recent && endsInPartialUtf8(bytes)) {
    return pending("ends in the middle of a character, probably still being written; it will be published by a later run");
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skipped("not valid UTF-8 text; save the file as UTF-8; the file is skipped");
  }
  return { ok: true, text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), size, mtimeMs };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KiB`;
  return `${bytes} bytes`;
}
