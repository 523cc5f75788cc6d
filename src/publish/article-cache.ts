import { hash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { escapeNonAscii, readTextFile } from "../ascii-json.js";
import { parseJsonObject } from "../parse-json-object.js";
import { readAsciiLines } from "../read-lines.js";
import { writeFileAtomicFromParts } from "./atomic-write.js";

/**
 * The incremental-build cache: per source file, its size, mtime, ctime, inode and content
 * hash, and whatever the build derived from it (an `Article`, or the
 * diagnostic that made it skip the file).
 *
 * The cache only ever saves work. A missing, corrupt or outdated cache reads
 * as empty, and the build then does everything again with the same result.
 */

/** Folder, next to the config file, that holds the cache (already in .gitignore). */
export const DEFAULT_CACHE_DIR = ".feedwright-cache";
/** File name of the article cache inside {@link DEFAULT_CACHE_DIR}. */
export const DEFAULT_CACHE_FILE = "articles.json";
/** Bumped when the cache file's shape changes; any other format reads as empty. */
export const CACHE_FORMAT = 4;

/**
 * A file modified this recently when it was stored might be modified again
 * within the same mtime tick (coarse on some file systems: 2 s on FAT) without
 * the mtime changing, so its size+mtime is not trusted next time and it is
 * checked by content hash instead.
 */
export const RACY_WINDOW_MS = 2_000;

/** What must match for the cache to be used at all. */
export interface CacheKey {
  /** feedwright's version: a new version may derive articles differently. */
  programVersion: string;
  /** {@link hashConfig} of the resolved config: any config change may change every article. */
  configHash: string;
}

/**
 * The parts of `fs.Stats` the cache compares. Size and mtime alone miss a file rewritten
 * with the same size and its old mtime put back (`cp -p`, `touch -r`, a restored backup);
 * a write always moves ctime, and a file replaced by another has another inode.
 */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A cache of values derived from source files, keyed by path relative to the articles folder. */
export interface ArticleCache<T> {
  /** The value stored for `relPath` if its stat (size, mtime, ctime, inode) is unchanged and was trustworthy, else undefined. */
  lookup(relPath: string, stat: FileStat): T | undefined;
  /** The value stored for `relPath` if its content hash is unchanged: for a file touched but not changed. Call `store` after a hit to refresh the stat. */
  lookupByHash(relPath: string, contentHash: string): T | undefined;
  /**
   * The value last stored for `relPath`, whatever the file holds now, and kept for the next
   * run: for a file caught mid-write, whose last complete version stays published meanwhile.
   */
  lastKnown(relPath: string): T | undefined;
  /** Records `value` for `relPath`. Take `stat` BEFORE reading the bytes that `contentHash` and `value` came from. */
  store(relPath: string, stat: FileStat, contentHash: string, value: T): void;
  /** Writes the cache atomically, keeping only entries looked up successfully or stored during this run. */
  save(): Promise<void>;
  /** How lookups went this run, for the build report. */
  readonly stats: { hits: number; hashHits: number; misses: number };
}

interface CacheEntry extends FileStat {
  hash: string;
  /** False when the file was too fresh at store time for its stat to prove it unchanged. */
  statTrusted: boolean;
  value: unknown;
}

/**
 * The cache file's first line. Each line after it is one entry, `[relPath, entry]` in JSON, in
 * path order, and there are exactly `count` of them: a file of lines is read a megabyte at a
 * time (read-lines.ts) where one JSON document had to be one string (186 MB at 100,000
 * articles), and a cache for another key is known from its first line.
 */
interface CacheHeader {
  format: typeof CACHE_FORMAT;
  programVersion: string;
  configHash: string;
  /** Names this version of the file, so a journal written against another version is ignored. */
  id: string;
  count: number;
}

/**
 * The journal next to the cache file (`<cacheFile>.journal`): one JSON line naming the cache
 * file's `id`, then a line per change since it was written, `[path, entry]` or `[path, null]`
 * for an entry dropped. Runs that change a few entries append to it instead of rewriting a
 * cache of thousands; every {@link JOURNAL_SHARE} of the entries' count it is folded back in.
 */
export const JOURNAL_SUFFIX = ".journal";
/** The journal is folded into the cache file once it has more lines than this share of the entries (or 64). */
export const JOURNAL_SHARE = 0.1;

/** SHA-256 of `bytes`, as lowercase hex. */
export function hashContent(bytes: Uint8Array): string {
  // One-shot hashing: the same digest as createHash().update().digest(), without a Hash object per call.
  return hash("sha256", bytes, "hex");
}

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) => {
    if (val === null || typeof val !== "object" || Array.isArray(val)) return val;
    // A null prototype keeps a "__proto__" key as plain data.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(val).sort()) sorted[key] = (val as Record<string, unknown>)[key];
    return sorted;
  }) ?? "undefined";
}

/** SHA-256 hex of `obj` serialised with sorted keys: equal configs hash equal whatever their key order. */
export function hashConfig(obj: unknown): string {
  return hash("sha256", stableStringify(obj), "hex");
}

/** Where the cache lives by default: `<configDir>/.feedwright-cache/articles.json`. */
export function defaultCacheFile(configDir: string): string {
  return path.join(configDir, DEFAULT_CACHE_DIR, DEFAULT_CACHE_FILE);
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.size === "number" &&
    typeof entry.mtimeMs === "number" &&
    typeof entry.ctimeMs === "number" &&
    typeof entry.ino === "number" &&
    typeof entry.hash === "string" &&
    typeof entry.statTrusted === "boolean" &&
    "value" in entry
  );
}

/**
 * One line of the cache file or its journal: `[relPath, entry]`, or `[relPath, null]` (in a
 * journal only) for a file gone; null for a line that is not one.
 */
function parseChangeLine(line: string): [string, CacheEntry | null] | null {
  let change: unknown;
  try {
    change = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(change) || typeof change[0] !== "string" || (change[1] !== null && !isEntry(change[1]))) return null;
  return [change[0], change[1] as CacheEntry | null];
}

/** Reads the cache file; null for anything that is not a complete cache for `key`. */
async function readCacheFile(cacheFile: string, key: CacheKey): Promise<{ entries: Map<string, CacheEntry>; id: string } | null> {
  let header: Partial<CacheHeader> | null = null;
  const entries = new Map<string, CacheEntry>();
  let valid = true;
  await readAsciiLines(cacheFile, (line) => {
    if (header === null) {
      header = parseJsonObject(line) as Partial<CacheHeader> | null;
      valid = header !== null && header.format === CACHE_FORMAT && header.programVersion === key.programVersion && header.configHash === key.configHash && typeof header.id === "string" && typeof header.count === "number";
      return valid;
    }
    const change = parseChangeLine(line);
    if (!change || change[1] === null) {
      valid = false;
      return false;
    }
    entries.set(change[0], change[1]);
    return true;
  });
  const complete = header as Partial<CacheHeader> | null;
  if (!valid || complete === null || entries.size !== complete.count) return null;
  return { entries, id: complete.id as string };
}

/**
 * Applies the journal `text` to `entries` when it was written against cache file `id`; returns
 * how many change lines it applied. Stops at the first line that does not parse (a run killed
 * mid-append): every whole entry is safe to use, since entries are checked against the file's
 * stat and hash before use.
 */
function applyJournal(text: string, id: string, entries: Map<string, CacheEntry>): number {
  const lines = text.split("\n");
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? "");
  } catch {
    return 0;
  }
  if (id === "" || typeof header !== "object" || header === null || (header as { base?: unknown }).base !== id) return 0;
  let applied = 0;
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const change = parseChangeLine(line);
    if (!change) break;
    if (change[1] === null) entries.delete(change[0]);
    else entries.set(change[0], change[1]);
    applied++;
  }
  return applied;
}

/** What {@link peekCache} read: the entries asked for, and what appending to the journal needs. */
export interface CachePeek<T> {
  /** The entries found, path -> entry, with the journal applied. */
  entries: Map<string, StoredEntry<T>>;
  /** Change lines the journal may still take before a full run should fold it into the cache file. */
  journalRoom: number;
  /** Appends `changes` to the journal (starting one if there is none for this cache file). */
  append(changes: Array<[string, StoredEntry<T>]>): Promise<void>;
}

/** One cache entry as stored: the file's stat and content hash, and the value derived from it. */
export interface StoredEntry<T> extends FileStat {
  hash: string;
  statTrusted: boolean;
  value: T;
}

/**
 * Reads only the entries for `wanted` paths from the cache at `cacheFile` (and its journal),
 * parsing no other line: for a run that changes a few articles (patch-run.ts). Null when the
 * cache is missing, corrupt or for another key, as {@link openCache} would find it empty.
 */
export async function peekCache<T>(cacheFile: string, key: CacheKey, wanted: Iterable<string>): Promise<CachePeek<T> | null> {
  const lineStarts = new Set<string>();
  for (const relPath of wanted) lineStarts.add(lineStart(relPath));
  let header: Partial<CacheHeader> | null = null;
  let valid = true;
  let lines = 0;
  const entries = new Map<string, CacheEntry>();
  try {
    await readAsciiLines(
      cacheFile,
      (line) => {
        if (header === null) {
          header = parseJsonObject(line) as Partial<CacheHeader> | null;
          valid = header !== null && header.format === CACHE_FORMAT && header.programVersion === key.programVersion && header.configHash === key.configHash && typeof header.id === "string" && typeof header.count === "number";
          return valid;
        }
        lines++;
        const bytes = Buffer.from(line, "latin1");
        if (!lineStarts.has(line.slice(0, leadingStringEnd(bytes, 0, bytes.length) + 2))) {
          valid = line.endsWith("}]");
          return valid;
        }
        const change = parseChangeLine(line);
        if (!change || change[1] === null) valid = false;
        else entries.set(change[0], change[1]);
        return valid;
      },
      (chunk, start, end) => {
        if (header === null || !valid) return true;
        const close = leadingStringEnd(chunk, start, end);
        if (close !== -1 && lineStarts.has(chunk.toString("latin1", start, close + 2))) return true;
        lines++;
        // Not parsed, but a line cut short (a damaged file) still shows: every entry line ends its array and object.
        if (chunk[end - 1] !== 0x5d || chunk[end - 2] !== 0x7d) valid = false;
        return false;
      },
    );
  } catch {
    return null;
  }
  const complete = header as Partial<CacheHeader> | null;
  if (!valid || complete === null || lines !== complete.count) return null;
  const id = complete.id as string;
  const count = complete.count;
  const journalFile = cacheFile + JOURNAL_SUFFIX;
  const journal = await readTextFile(journalFile).catch(() => null);
  const journalValid = journal !== null && journal.startsWith(`${JSON.stringify({ base: id })}\n`);
  const changes = new Map<string, CacheEntry>(entries);
  const applied = journalValid ? applyJournal(journal, id, changes) : 0;
  const found = new Map<string, StoredEntry<T>>();
  for (const relPath of wanted) {
    const entry = changes.get(relPath);
    if (entry) found.set(relPath, entry as StoredEntry<T>);
  }
  return {
    entries: found,
    journalRoom: Math.max(64, count * JOURNAL_SHARE) - applied,
    async append(changed) {
      const text = changed.map((change) => escapeNonAscii(JSON.stringify(change))).join("\n") + "\n";
      if (journalValid) await fs.appendFile(journalFile, text);
      else await fs.writeFile(journalFile, `${JSON.stringify({ base: id })}\n${text}`);
    },
  };
}

/**
 * Where the JSON string that opens a cache line (`["<path>",...`) ends: the index of its
 * closing quote in `bytes[start..end)`, escapes skipped; -1 when the line does not open so.
 */
function leadingStringEnd(bytes: Uint8Array, start: number, end: number): number {
  if (bytes[start] !== 0x5b || bytes[start + 1] !== 0x22) return -1;
  for (let index = start + 2; index < end; index++) {
    const byte = bytes[index];
    if (byte === 0x5c) index++;
    else if (byte === 0x22) return index;
  }
  return -1;
}

/** How the cache line of `relPath` begins, up to the end of its path: `["<path>",`. */
function lineStart(relPath: string): string {
  return `${escapeNonAscii(JSON.stringify([relPath]).slice(0, -1))},`;
}

/**
 * Opens the cache at `cacheFile` for a run with `key`. Never fails: a missing,
 * unreadable, corrupt (truncated, bad JSON, wrong shape) or mismatched-key
 * cache opens empty. `now` (default `Date.now`) must be the real clock, since
 * it is compared with file mtimes; do not pass the `--now` test clock.
 */
export async function openCache<T = unknown>(
  cacheFile: string,
  key: CacheKey,
  opts: { now?: () => number } = {},
): Promise<ArticleCache<T>> {
  const now = opts.now ?? Date.now;
  const journalFile = cacheFile + JOURNAL_SUFFIX;
  let loaded: Map<string, CacheEntry> = new Map();
  let baseId = "";
  let journalLines = 0;
  let journalValid = false;
  try {
    const parsed = await readCacheFile(cacheFile, key);
    if (parsed) {
      loaded = parsed.entries;
      baseId = parsed.id;
      const journal = await readTextFile(journalFile).catch(() => null);
      if (journal !== null && baseId !== "") {
        journalValid = journal.startsWith(`${JSON.stringify({ base: baseId })}\n`);
        journalLines = applyJournal(journal, baseId, loaded);
      }
    }
  } catch {
    // Missing or unreadable: start empty.
  }
  const kept = new Map<string, CacheEntry>();
  const stats = { hits: 0, hashHits: 0, misses: 0 };

  return {
    stats,
    lookup(relPath, stat) {
      const entry = kept.get(relPath) ?? loaded.get(relPath);
      if (entry && entry.statTrusted && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs && entry.ctimeMs === stat.ctimeMs && entry.ino === stat.ino) {
        kept.set(relPath, entry);
        stats.hits++;
        return entry.value as T;
      }
      stats.misses++;
      return undefined;
    },
    lookupByHash(relPath, contentHash) {
      const entry = kept.get(relPath) ?? loaded.get(relPath);
      if (entry && entry.hash === contentHash) {
        kept.set(relPath, entry);
        stats.hashHits++;
        return entry.value as T;
      }
      return undefined;
    },
    lastKnown(relPath) {
      const entry = kept.get(relPath) ?? loaded.get(relPath);
      if (!entry) return undefined;
      // Kept as it was, stat included: the file's current stat must not make it look fresh.
      kept.set(relPath, entry);
      return entry.value as T;
    },
    store(relPath, stat, contentHash, value) {
      kept.set(relPath, {
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        ctimeMs: stat.ctimeMs,
        ino: stat.ino,
        hash: contentHash,
        statTrusted: now() - stat.mtimeMs > RACY_WINDOW_MS,
        value,
      });
    },
    async save() {
      const changes: Array<[string, CacheEntry | null]> = [];
      for (const [relPath, entry] of kept) if (loaded.get(relPath) !== entry) changes.push([relPath, entry]);
      for (const relPath of loaded.keys()) if (!kept.has(relPath)) changes.push([relPath, null]);
      if (changes.length === 0) return;
      // Only a journal needs the changes as lines; a cold build's change is the whole cache.
      const lines = () => changes.map((change) => escapeNonAscii(JSON.stringify(change))).join("\n") + "\n";
      if (journalValid && journalLines + changes.length <= Math.max(64, kept.size * JOURNAL_SHARE)) {
        await fs.appendFile(journalFile, lines());
        journalLines += changes.length;
      } else if (baseId !== "" && loaded.size > 0 && changes.length <= Math.max(64, kept.size * JOURNAL_SHARE)) {
        await fs.writeFile(journalFile, `${JSON.stringify({ base: baseId })}\n${lines()}`);
        journalValid = true;
        journalLines = changes.length;
      } else {
        // Written entry by entry: one JSON string (or buffer) of a large cache was the peak of a
        // cold build's memory.
        baseId = randomBytes(8).toString("hex");
        const entries = kept;
        const header: CacheHeader = { format: CACHE_FORMAT, programVersion: key.programVersion, configHash: key.configHash, id: baseId, count: entries.size };
        function* parts(): Generator<string> {
          yield `${JSON.stringify(header)}\n`;
          for (const relPath of [...entries.keys()].sort()) yield `${escapeNonAscii(JSON.stringify([relPath, entries.get(relPath)]))}\n`;
        }
        await writeFileAtomicFromParts(cacheFile, parts());
        // The new id already disowns the old journal; removing it only saves reading it.
        await fs.rm(journalFile, { force: true }).catch(() => {});
        journalValid = false;
        journalLines = 0;
      }
      loaded = new Map(kept);
    },
  };
}
