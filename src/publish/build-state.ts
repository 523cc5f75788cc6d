import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../article.js";
import { escapeNonAscii, readTextFile } from "../ascii-json.js";
import { jsonParts } from "../json-parts.js";
import { writeFileAtomicFromParts } from "./atomic-write.js";

/**
 * The build state: what the last complete run saw and wrote, kept next to the article cache.
 * It lets a run whose inputs are unchanged do nothing at all (no reading, no rendering),
 * and lets any run tell an output file it wrote from one changed behind its back without
 * reading it. Like the cache it only saves work: a missing or corrupt state reads as none.
 */

/** File name of the build state, in the cache folder. */
export const BUILD_STATE_FILE = "build-state.json";
/** Bumped when the file's shape changes; any other format reads as none. */
export const BUILD_STATE_FORMAT = 3;
/** File name of the output records (hashes and input keys of every output file), in the cache folder. */
export const OUTPUT_RECORDS_FILE = "build-outputs.json";

/**
 * An article file modified this recently (by mtime, as the article cache judges it) when the
 * state was taken might change again within the same timestamp tick unseen (2 s on FAT), so
 * such a state is never trusted for the no-change fast path.
 */
export const STATE_RACY_WINDOW_MS = 2_000;

/** The stat fields that identify a file's version: a write changes ctime even when mtime is set back. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What a no-change run reports: the previous run's findings, which an unchanged input reproduces. */
export interface StateSummary {
  /** Source paths of the articles published, newest first. */
  published: string[];
  /** How many of them the feeds carry. */
  feedItems: number;
  drafts: string[];
  scheduled: Array<{ file: string; published: string }>;
  /** Files that could not be published, with why. */
  skipped: Diagnostic[];
  /** Problems in files that were still published. */
  warnings: Diagnostic[];
}

/** One output file as the last run left it: stat fields, SHA-256 of its bytes, and the key of its inputs (plan-site.ts). */
export interface OutputRecord extends FileVersion {
  hash: string;
  key: string;
}

export interface BuildState {
  format: typeof BUILD_STATE_FORMAT;
  /** {@link runKey} of the run: program version, config, flags. */
  key: string;
  /** {@link sourcesDigest} of the article files the run read. */
  sources: string;
  /**
   * The run's selection holds for any `now` in [validFrom, validUntil): from the newest
   * published date (an earlier `now` would hold it back) to the earliest scheduled one
   * (when it passes, that article publishes). Epoch ms; null for unbounded.
   */
  validFrom: number | null;
  validUntil: number | null;
  /** Whether the fast path may use this state (no pending files, nothing written racily). */
  settled: boolean;
  /**
   * Whether a run that finds a few articles edited may patch the output from this state
   * (patch-run.ts): settled but for the article files in `racy`, which it reads again.
   */
  patchable: boolean;
  /** Article files modified within {@link STATE_RACY_WINDOW_MS} before the state was taken: their stat cannot prove them unchanged. */
  racy: string[];
  /**
   * Every output file, sorted, with its version as four numbers per file (size, mtimeMs,
   * ctimeMs, ino): flat arrays, because a no-change run reads little else.
   */
  outputs: { paths: string[]; versions: number[] };
  /** Ties the state to its output records file, written just before it. */
  recordsId: string;
  summary: StateSummary;
}

/** The hashes and input keys of a state's output files, in its `outputs.paths` order; read only by runs that render. */
export interface OutputRecords {
  id: string;
  hashes: string[];
  keys: string[];
  /**
   * The articles whose content each file shows, as indexes into the state's
   * `summary.published` (0 for none, the common case, to keep the file small): which files an
   * edit to an article's body changes (patch-run.ts).
   */
  needs: Array<number[] | 0>;
  /** Feed folder -> what its feeds show besides their items (plan-site.ts `FeedSpec`). */
  feeds: Record<string, { title: string; description: string; homeUrl: string }>;
  /** How the site was laid out, for a run that adds an article (patch-run.ts); articles as indexes into `summary.published`. */
  outline?: RecordedOutline;
}

/** A site's outline (plan-site.ts `SiteOutline`) as the records keep it, with what else adding an article must know. */
export interface RecordedOutline {
  /** Year -> its articles, newest year first. */
  years: Array<[string, number[]]>;
  /** Each tag group's name, slug and articles, sorted by slug. */
  tags: Array<[string, string, number[]]>;
  /** Permalink and id of every article held back (drafts, scheduled): they claim addresses too. */
  heldBack: Array<[string, string]>;
  /** Ids of published articles that are not their URL. */
  customIds: string[];
}

/** Where the build state lives: next to the article cache file. */
export function buildStateFile(cacheFile: string): string {
  return path.join(path.dirname(cacheFile), BUILD_STATE_FILE);
}

/** SHA-256 hex of the parts of a run that change every output when they change. */
export function runKey(parts: { programVersion: string; configHash: string; drafts: boolean; future: boolean; strict: boolean }): string {
  return createHash("sha256").update(JSON.stringify([parts.programVersion, parts.configHash, parts.drafts, parts.future, parts.strict])).digest("hex");
}

/** SHA-256 hex over every article file's path and version, in the given (sorted) order. */
export function sourcesDigest(files: Array<[string, FileVersion]>): string {
  const hash = createHash("sha256");
  // Lines hashed a few hundred at a time: one update per file cost more than the hashing.
  let lines = "";
  for (const [relPath, version] of files) {
    lines += `${relPath}\0${version.size}\0${version.mtimeMs}\0${version.ctimeMs}\0${version.ino}\n`;
    if (lines.length > 16_384) {
      hash.update(lines);
      lines = "";
    }
  }
  return hash.update(lines).digest("hex");
}

/** The version of the file at `filePath`, or null when it is missing or not a regular file. */
export async function fileVersion(filePath: string): Promise<FileVersion | null> {
  try {
    const stats = await fs.stat(filePath);
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino } : null;
  } catch {
    return null;
  }
}

/**
 * The versions of many files at once, null for each one missing or not a regular file.
 * Synchronous on purpose: a no-change run is little else than these stats, and a
 * synchronous stat costs a fraction of a promise's round trip through the thread pool.
 */
export function fileVersions(filePaths: string[]): Array<FileVersion | null> {
  return filePaths.map((filePath) => {
    try {
      const stats = statSync(filePath, { throwIfNoEntry: false });
      return stats?.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino } : null;
    } catch {
      return null;
    }
  });
}

/** Versions as four numbers each (size, mtimeMs, ctimeMs, ino; -1 for null), to cross threads in one transfer. */
export function packVersions(versions: Array<FileVersion | null>): Float64Array<ArrayBuffer> {
  const packed = new Float64Array(versions.length * 4).fill(-1);
  versions.forEach((version, index) => {
    if (version) packed.set([version.size, version.mtimeMs, version.ctimeMs, version.ino], index * 4);
  });
  return packed;
}

/** The versions {@link packVersions} packed. */
export function unpackVersions(packed: Float64Array): Array<FileVersion | null> {
  return Array.from({ length: packed.length / 4 }, (_, index) =>
    packed[index * 4] === -1 ? null : { size: packed[index * 4]!, mtimeMs: packed[index * 4 + 1]!, ctimeMs: packed[index * 4 + 2]!, ino: packed[index * 4 + 3]! },
  );
}

/** Whether two versions are the same file version. */
export function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** Whether any version was modified within {@link STATE_RACY_WINDOW_MS} before `now`. */
export function anyRacy(versions: Iterable<FileVersion>, now: number): boolean {
  for (const version of versions) {
    if (now - version.mtimeMs < STATE_RACY_WINDOW_MS) return true;
  }
  return false;
}

/** Reads the build state; null when missing, unreadable, corrupt or of another format. */
export async function readBuildState(file: string): Promise<BuildState | null> {
  let value: unknown;
  try {
    value = JSON.parse(await readTextFile(file));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const state = value as Partial<BuildState>;
  if (state.format !== BUILD_STATE_FORMAT || typeof state.key !== "string" || typeof state.sources !== "string") return null;
  if (typeof state.outputs !== "object" || state.outputs === null || typeof state.summary !== "object" || state.summary === null) return null;
  if (!Array.isArray(state.outputs.paths) || !Array.isArray(state.outputs.versions) || state.outputs.versions.length !== state.outputs.paths.length * 4) return null;
  if (typeof state.settled !== "boolean" || typeof state.patchable !== "boolean" || !Array.isArray(state.racy) || typeof state.recordsId !== "string") return null;
  return state as BuildState;
}

/** The version recorded for the output file at `index` of `state.outputs.paths`. */
export function recordedVersion(state: BuildState, index: number): FileVersion {
  const v = state.outputs.versions;
  return { size: v[index * 4] as number, mtimeMs: v[index * 4 + 1] as number, ctimeMs: v[index * 4 + 2] as number, ino: v[index * 4 + 3] as number };
}

/** The output records of `state`, from the records file next to `stateFile`; null when missing, corrupt or another state's. */
export async function readOutputRecordsFile(stateFile: string, state: BuildState): Promise<OutputRecords | null> {
  let value: Partial<OutputRecords>;
  try {
    value = JSON.parse(await readTextFile(path.join(path.dirname(stateFile), OUTPUT_RECORDS_FILE))) as Partial<OutputRecords>;
  } catch {
    return null;
  }
  const count = state.outputs.paths.length;
  if (value.id !== state.recordsId || !Array.isArray(value.hashes) || !Array.isArray(value.keys) || !Array.isArray(value.needs)) return null;
  if (value.hashes.length !== count || value.keys.length !== count || value.needs.length !== count) return null;
  if (typeof value.feeds !== "object" || value.feeds === null) return null;
  return value as OutputRecords;
}

/**
 * Every output file of `state` with its recorded version, hash and input key, from the
 * records file next to `stateFile`; an empty map when the records are missing or belong to
 * another state (then every file is rendered, and compared by reading it).
 */
export async function readOutputRecords(stateFile: string, state: BuildState): Promise<Map<string, OutputRecord>> {
  const records = new Map<string, OutputRecord>();
  const value = await readOutputRecordsFile(stateFile, state);
  if (!value) return records;
  state.outputs.paths.forEach((relPath, index) => records.set(relPath, { ...recordedVersion(state, index), hash: String(value.hashes[index]), key: String(value.keys[index]) }));
  return records;
}

/** Writes the output records, then the build state that names them, each atomically. */
export async function writeBuildState(file: string, state: BuildState, records: OutputRecords): Promise<void> {
  // Streamed: at 100,000 articles each is over ten megabytes of JSON.
  await writeFileAtomicFromParts(path.join(path.dirname(file), OUTPUT_RECORDS_FILE), jsonLines(records));
  await writeFileAtomicFromParts(file, jsonLines(state));
}

/** Removes the build state, so a run that fails part-way is never mistaken for an unchanged one. */
export async function removeBuildState(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/**
 * Whether `state` proves this run would change nothing: same key, same article files,
 * `now` inside the window where the selection holds, and every output file still the
 * version the last run left. Stats every output file; reads none.
 */
export async function isUnchanged(state: BuildState, run: { key: string; sources: string; now: number; outDir: string }): Promise<boolean> {
  if (!state.settled || state.key !== run.key || state.sources !== run.sources) return false;
  if (state.validFrom !== null && run.now < state.validFrom) return false;
  if (state.validUntil !== null && run.now >= state.validUntil) return false;
  return outputsAsRecorded(state, run.outDir);
}

/** Whether every output file of `state` still has the version the state recorded (one stat each, none read). */
export function outputsAsRecorded(state: BuildState, outDir: string): boolean {
  const base = outDir.endsWith(path.sep) ? outDir : outDir + path.sep;
  const versions = fileVersions(state.outputs.paths.map((relPath) => base + relPath));
  return versions.every((version, index) => version !== null && sameVersion(version, recordedVersion(state, index)));
}

/** A value's JSON in ASCII (see ascii-json.ts) and a newline, in parts. */
function* jsonLines(value: unknown): Generator<string> {
  for (const part of jsonParts(value)) yield escapeNonAscii(part);
  yield "\n";
}
