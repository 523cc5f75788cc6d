import fs from "node:fs/promises";
import path from "node:path";
import { readTextFile } from "../ascii-json.js";
import { textParts } from "../json-parts.js";
import { writeFileAtomic } from "./atomic-write.js";
import { unsafePathReason } from "./safe-path.js";

/**
 * The manifest: the list of files feedwright wrote into the out dir.
 *
 * It is what makes cleaning up safe. A file is only ever removed because a
 * previous run listed it here and the current run no longer produces it;
 * anything else in the out dir (a CNAME, a hand-made page, a .well-known
 * folder) is never touched.
 */

/** Name of the manifest file, at the top of the out dir. */
export const MANIFEST_FILE = ".feedwright-manifest.json";

/** Bumped when the manifest's shape changes; an unknown version reads as an empty manifest. */
export const MANIFEST_VERSION = 1;

/** The manifest file as stored. */
export interface Manifest {
  version: typeof MANIFEST_VERSION;
  /** `/`-separated paths relative to the out dir, sorted, each once. */
  files: string[];
}

/** Sorts by UTF-16 code units, which is locale-independent, so the manifest's bytes are stable. */
function sortedUnique(paths: Iterable<string>): string[] {
  const list = [...paths];
  // A manifest read back is already in order: checking costs one pass, sorting ten thousand paths several.
  if (list.every((item, index) => index === 0 || (list[index - 1] as string) < item)) return list;
  return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads the paths listed in `<outDir>/.feedwright-manifest.json`.
 *
 * A missing, unreadable or malformed manifest reads as empty (the worst
 * outcome is that some old files are not cleaned up). Entries that are not
 * safe relative paths (`../x`, `/etc/passwd`) are dropped, so they can never
 * be removed.
 */
export async function readManifest(outDir: string): Promise<string[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readTextFile(path.join(outDir, MANIFEST_FILE)));
  } catch {
    return [];
  }
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  if (record.version !== MANIFEST_VERSION || !Array.isArray(record.files)) return [];
  const files = record.files.filter(
    (entry): entry is string => typeof entry === "string" && unsafePathReason(entry) === null && entry !== MANIFEST_FILE,
  );
  return sortedUnique(files);
}

/** Writes the manifest atomically (untouched when unchanged); returns what {@link writeFileAtomic} did. */
export async function writeManifest(outDir: string, paths: Iterable<string>): Promise<"written" | "unchanged"> {
  const files = sortedUnique(paths);
  // JSON.stringify(manifest, null, 2), in parts: a large site's manifest is megabytes.
  const lines = files.map((file, index) => `${index === 0 ? "" : ","}\n    ${JSON.stringify(file)}`);
  const text = [`{\n  "version": ${JSON.stringify(MANIFEST_VERSION)},\n  "files": [`, ...lines, files.length === 0 ? "]\n}\n" : "\n  ]\n}\n"];
  return writeFileAtomic(path.join(outDir, MANIFEST_FILE), textParts(text));
}

/** The paths in `previous` that are not in `current`, sorted: what a run should remove. */
export function staleFiles(previous: string[], current: string[]): string[] {
  const keep = new Set(current);
  return sortedUnique(previous.filter((file) => !keep.has(file)));
}
