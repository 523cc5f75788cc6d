import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../article.js";
import { decodeText } from "./decode.js";
import { endsInPartialUtf8 } from "./ends-in-partial-utf8.js";

export interface ReadLimits {
  /** Files larger than this are refused. */
  maxBytes: number;
  /** Files modified less than this long ago may still be being written: left for the next run. */
  settleMs: number;
  /** The wall clock (epoch ms), for file ages. */
  now: number;
}

/** The limits a run applies at `now` under a config's `maxFileBytes` and `settleSeconds`. */
export function readLimits(config: { maxFileBytes: number; settleSeconds: number }, now: number): ReadLimits {
  return { maxBytes: config.maxFileBytes, settleMs: config.settleSeconds * 1000, now };
}

/** How long a visibly incomplete file counts as "being written" rather than broken. */
export const INCOMPLETE_GRACE_MS = 10 * 60 * 1000;

/** Whether a file last modified at `mtimeMs` is recent at `now`: if it looks incomplete, it is taken as still being written. */
export function isRecent(mtimeMs: number, now: number): boolean {
  return now - mtimeMs < INCOMPLETE_GRACE_MS;
}

/** Why a file is not read now: `pending` ones are probably mid-write and wait for a later run; `skipped` ones are bad input. */
export type Refusal = { ok: false; kind: "pending" | "skipped"; diagnostic: Diagnostic };

/** A file's stat as the article cache compares it (article-cache.ts `FileStat`). */
export interface SourceStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export type StatResult = ({ ok: true } & SourceStat) | Refusal;
export type DecodeResult = { ok: true; text: string; encoding: string; warnings: string[] } | Refusal;

/**
 * Looks at a file before reading it: refuses files over the size cap and leaves files
 * modified within the settle time for a later run. Cheap, so it runs before any cache lookup.
 */
export async function statSource(articlesDir: string, sourcePath: string, limits: ReadLimits): Promise<StatResult> {
  let version: SourceStat;
  try {
    const { size, mtimeMs, ctimeMs, ino } = await stat(path.join(articlesDir, sourcePath));
    version = { size, mtimeMs, ctimeMs, ino };
  } catch (error) {
    return refuse("skipped", sourcePath, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions; the file is skipped`);
  }
  return judgeSourceStat(sourcePath, version, limits);
}

/** The checks of {@link statSource} for a file already stat'ed: the size cap and the settle time. */
export function judgeSourceStat(sourcePath: string, version: SourceStat, limits: ReadLimits): StatResult {
  const { size, mtimeMs } = version;
  if (size > limits.maxBytes) {
    return refuse("skipped", sourcePath, `file is ${formatBytes(size)}, over the ${formatBytes(limits.maxBytes)} limit (maxFileBytes); raise the limit if it really is an article; the file is skipped`);
  }
  const age = limits.now - mtimeMs;
  if (age < limits.settleMs) {
    return refuse("pending", sourcePath, `modified ${Math.max(0, Math.round(age / 1000))} s ago and may still be being written; it will be published by a later run`);
  }
  return { ok: true, ...version };
}

/** Reads a file's bytes, or says why it cannot be read. */
export async function readSourceBytes(articlesDir: string, sourcePath: string): Promise<{ ok: true; bytes: Uint8Array } | Refusal> {
  try {
    return { ok: true, bytes: await readFile(path.join(articlesDir, sourcePath)) };
  } catch (error) {
    return refuse("skipped", sourcePath, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions; the file is skipped`);
  }
}

/**
 * Turns a file's bytes into article text, refusing binary files (NUL bytes, except UTF-16
 * with a byte order mark). UTF-8 and UTF-16 are decoded; other bytes are read as the likeliest
 * legacy single-byte encoding (see decodeText), with a warning when the guess is uncertain.
 * A file modified recently (`recent`) that is empty or ends inside a UTF-8 sequence is
 * probably mid-write: left for a later run. A byte order mark is dropped and CRLF becomes LF.
 */
export function decodeSource(sourcePath: string, bytes: Uint8Array, recent: boolean): DecodeResult {
  if (bytes.length === 0) {
    return recent
      ? refuse("pending", sourcePath, "empty file, probably still being written; it will be published by a later run")
      : refuse("skipped", sourcePath, "empty file; the file is skipped");
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) return refuse("skipped", sourcePath, "binary file (it contains NUL bytes), not an article; the file is skipped");
  if (!utf16 && recent && endsInPartialUtf8(bytes)) {
    return refuse("pending", sourcePath, "ends in the middle of a character, probably still being written; it will be published by a later run");
  }
  const decoded = decodeText(bytes);
  return { ok: true, text: decoded.text.replace(/^\uFEFF/, ""), encoding: decoded.encoding, warnings: decoded.warnings };
}

function refuse(kind: "pending" | "skipped", file: string, message: string): Refusal {
  return { ok: false, kind, diagnostic: { file, message } };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KiB`;
  return `${bytes} bytes`;
}
