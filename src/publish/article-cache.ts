import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parseJsonObject } from "../parse-json-object.js";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * The incremental-build cache: per source file, its size, mtime and content
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
export const CACHE_FORMAT = 2;

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

/** The parts of `fs.Stats` the cache compares. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** A cache of values derived from source files, keyed by path relative to the articles folder. */
export interface ArticleCache<T> {
  /** The value stored for `relPath` if its size and mtime are unchanged (and were trustworthy), else undefined. */
  lookup(relPath: string, stat: FileStat): T | undefined;
  /** The value stored for `relPath` if its content hash is unchanged: for a file touched but not changed. Call `store` after a hit to refresh the stat. */
  lookupByHash(relPath: string, contentHash: string): T | undefined;
  /** Records `value` for `relPath`. Take `stat` BEFORE reading the bytes that `contentHash` and `value` came from. */
  store(relPath: string, stat: FileStat, contentHash: string, value: T): void;
  /** Writes the cache atomically, keeping only entries looked up successfully or stored during this run. */
  save(): Promise<void>;
  /** How lookups went this run, for the build report. */
  readonly stats: { hits: number; hashHits: number; misses: number };
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** False when the file was too fresh at store time for size+mtime to prove it unchanged. */
  statTrusted: boolean;
  value: unknown;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  programVersion: string;
  configHash: string;
  entries: Record<string, CacheEntry>;
}

/** SHA-256 of `bytes`, as lowercase hex. */
export function hashContent(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
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
  return createHash("sha256").update(stableStringify(obj)).digest("hex");
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
    typeof entry.hash === "string" &&
    typeof entry.statTrusted === "boolean" &&
    "value" in entry
  );
}

/** Parses cache text; null for anything that is not a complete cache for `key`. */
function parseCacheFile(text: string, key: CacheKey): Map<string, CacheEntry> | null {
  const value = parseJsonObject(text);
  if (value === null) return null;
  const file = value as Partial<CacheFile>;
  if (file.format !== CACHE_FORMAT) return null;
  if (file.programVersion !== key.programVersion || file.configHash !== key.configHash) return null;
  if (typeof file.entries !== "object" || file.entries === null || Array.isArray(file.entries)) return null;
  const entries = new Map<string, CacheEntry>();
  for (const [relPath, entry] of Object.entries(file.entries)) {
    if (!isEntry(entry)) return null;
    entries.set(relPath, entry);
  }
  return entries;
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
  let loaded: Map<string, CacheEntry> = new Map();
  try {
    loaded = parseCacheFile(await fs.readFile(cacheFile, "utf8"), key) ?? new Map();
  } catch {
    // Missing or unreadable: start empty.
  }
  const kept = new Map<string, CacheEntry>();
  const stats = { hits: 0, hashHits: 0, misses: 0 };

  return {
    stats,
    lookup(relPath, stat) {
      const entry = kept.get(relPath) ?? loaded.get(relPath);
      if (entry && entry.statTrusted && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs) {
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
    store(relPath, stat, contentHash, value) {
      kept.set(relPath, {
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        hash: contentHash,
        statTrusted: now() - stat.mtimeMs > RACY_WINDOW_MS,
        value,
      });
    },
    async save() {
      // Serialised entry by entry into UTF-8 buffers: one JSON string of a large cache would
      // be tens of megabytes of V8 heap (two bytes a character once any text is not Latin-1).
      const header: Omit<CacheFile, "entries"> = { format: CACHE_FORMAT, programVersion: key.programVersion, configHash: key.configHash };
      const chunks = [Buffer.from(`${JSON.stringify(header).slice(0, -1)},"entries":{`)];
      [...kept.keys()].sort().forEach((relPath, index) => {
        chunks.push(Buffer.from(`${index === 0 ? "" : ","}${JSON.stringify(relPath)}:${JSON.stringify(kept.get(relPath))}`));
      });
      chunks.push(Buffer.from("}}\n"));
      await writeFileAtomic(cacheFile, Buffer.concat(chunks));
    },
  };
}
