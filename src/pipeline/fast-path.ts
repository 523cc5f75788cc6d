import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { hashContent } from "../publish/article-cache.js";
import { hashText } from "./article-keys.js";
import type { Article } from "../article.js";
import {
  anyRacy,
  BUILD_STATE_FORMAT,
  buildStateFile,
  fileVersions,
  isUnchanged,
  readBuildState,
  readOutputRecords,
  removeBuildState,
  runKey,
  sourcesDigest,
  writeBuildState,
  type BuildState,
  type FileVersion,
  type OutputRecord,
  type OutputRecords,
  type StateSummary,
} from "../publish/build-state.js";
import { findArticleFiles, type FoundFiles } from "../read/find-article-files.js";
import type { PlannedFile, SiteOutline } from "../render/plan-site.js";

/** What a run must remember to record its state once it has published. */
export interface RunFingerprint {
  stateFile: string;
  key: string;
  sources: string;
  sourceVersions: FileVersion[];
  /** The previous state's output records, when it was for the same key: they let unchanged files go unrendered. */
  previousOutputs(): Promise<Map<string, OutputRecord> | null>;
  /** The previous state when it was for the same key (patch-run.ts reads it), else null. */
  previousState: BuildState | null;
  /** The paths (relative to the output folder) of the output files those records are for; null when there are none. */
  previousOutputPaths: string[] | null;
  /** The article files as listed and stat'ed for the check (null where the stat failed), for the full run to reuse. */
  listing: { found: FoundFiles; stats: Array<FileVersion | null> };
  /**
   * Article files (indexes into `listing`) changed since the last complete run saved its
   * state: their ctime, which every write moves, is later than the state file's mtime. What
   * this run will almost surely derive (prefetch-changed.ts); null when there is no state.
   */
  changedSinceState: number[] | null;
  /** Removes the recorded state before publishing, so a run that fails part-way is never taken for an unchanged one. */
  invalidate(): Promise<void>;
}

export interface UnchangedCheck {
  /** Set when nothing needs doing: what the previous run found, and every output file it wrote. */
  unchanged: { summary: StateSummary; outputs: string[] } | null;
  sourceCount: number;
  fingerprint: RunFingerprint;
}

/**
 * Decides whether a run can do nothing: lists and stats the article files and compares them,
 * the run's key and `now`, and the output files' stats with the state the last run recorded.
 * Reads no article and renders nothing. Always returns the fingerprint a full run records.
 */
export async function checkUnchanged(run: {
  cacheFile: string;
  articlesDir: string;
  outDir: string;
  now: number;
  key: { programVersion: string; configHash: string; drafts: boolean; future: boolean; strict: boolean };
}): Promise<UnchangedCheck> {
  const stateFile = buildStateFile(run.cacheFile);
  const [found, state] = await Promise.all([findArticleFiles(run.articlesDir), readBuildState(stateFile)]);
  // Concatenation, not path.join: for ten thousand paths the difference shows.
  const base = run.articlesDir.endsWith(path.sep) ? run.articlesDir : run.articlesDir + path.sep;
  const versions = fileVersions(found.files.map((relPath) => base + relPath));
  // A file that cannot be stat'ed is given an impossible version: the digest then changes with it.
  const listed = found.files.map((relPath, index): [string, FileVersion] => [relPath, versions[index] ?? { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 }]);
  // Listing problems (links not followed, unreadable folders) must be reported by a full run.
  const key = runKey(run.key) + (found.diagnostics.length > 0 ? ":listing-problems" : "");
  const sources = sourcesDigest(listed);
  const stateVersion = state ? fileVersions([stateFile])[0] : null;
  const changedSinceState = stateVersion ? changedSince(versions, stateVersion.mtimeMs) : null;
  let invalidated = false;
  const fingerprint: RunFingerprint = {
    stateFile,
    key,
    sources,
    sourceVersions: listed.map(([, version]) => version),
    previousOutputs: async () => (state && state.key === key ? readOutputRecords(stateFile, state) : null),
    previousState: state && state.key === key ? state : null,
    previousOutputPaths: state && state.key === key ? state.outputs.paths : null,
    listing: { found, stats: versions },
    changedSinceState,
    async invalidate() {
      if (invalidated || !state) return;
      invalidated = true;
      await removeBuildState(stateFile).catch(() => {});
    },
  };
  const unchanged =
    state && found.diagnostics.length === 0 && (await isUnchanged(state, { key, sources, now: run.now, outDir: run.outDir }))
      ? { summary: state.summary, outputs: state.outputs.paths }
      : null;
  return { unchanged, sourceCount: found.files.length, fingerprint };
}

/**
 * Records what a successful run saw and wrote. `settled` is false when some article file was
 * left pending (a later run must look at it again); the state is not trusted either when an
 * article file changed within the racy window before `now`.
 */
export async function saveBuildState(
  fingerprint: RunFingerprint,
  run: {
    outDir: string;
    /** Every output file's input key and content hash. */
    records: Map<string, { key: string; hash: string }>;
    /** What each output file was planned from (plan-site.ts): the articles it shows, and a feed's spec. */
    plan: Map<string, Pick<PlannedFile, "needs" | "feed">>;
    /** How the site was laid out, when planned. */
    outline?: SiteOutline;
    /** Versions of output files known not to have been written since they were stat'ed. */
    knownVersions?: Map<string, FileVersion>;
    settled: boolean;
    now: number;
    selection: { published: Article[]; scheduled: Article[]; drafts: Article[]; includeFuture: boolean };
    summary: StateSummary;
  },
): Promise<void> {
  const relPaths = [...run.records.keys()].sort(byCodeUnit);
  const outputs = { paths: [] as string[], versions: [] as number[] };
  const records: OutputRecords = { id: randomBytes(8).toString("hex"), hashes: [], keys: [], needs: [], feeds: {} };
  const publishedIndex = new Map(run.selection.published.map((article, index) => [article, index]));
  let complete = true;
  let patchable = true;
  const unknown = relPaths.filter((relPath) => !run.knownVersions?.has(relPath));
  const statted = fileVersions(unknown.map((relPath) => path.join(run.outDir, relPath)));
  const versionOf = new Map(unknown.map((relPath, index) => [relPath, statted[index]]));
  relPaths.forEach((relPath) => {
    const version = run.knownVersions?.get(relPath) ?? versionOf.get(relPath);
    if (!version) complete = false;
    else {
      const record = run.records.get(relPath) as { key: string; hash: string };
      outputs.paths.push(relPath);
      outputs.versions.push(version.size, version.mtimeMs, version.ctimeMs, version.ino);
      records.hashes.push(record.hash);
      records.keys.push(record.key);
      const planned = run.plan.get(relPath);
      const needs = planned?.needs.map((article) => publishedIndex.get(article) ?? -1) ?? [];
      // An article shown but not published cannot be named: no later run may patch this state.
      if (needs.includes(-1)) patchable = false;
      records.needs.push(needs.length === 0 ? 0 : needs);
      if (planned?.feed) {
        const { folder, ...spec } = planned.feed;
        records.feeds[folder] = spec;
      }
    }
  });
  const indexes = (articles: Article[]) => articles.map((article) => publishedIndex.get(article) ?? -1);
  if (run.outline && [...run.outline.years.values(), ...run.outline.tags.map((group) => group.articles)].every((articles) => !indexes(articles).includes(-1))) {
    records.outline = {
      years: [...run.outline.years].map(([year, articles]) => [year, indexes(articles)]),
      tags: run.outline.tags.map((group) => [group.name, group.slug, indexes(group.articles)]),
      heldBack: [...run.selection.drafts, ...run.selection.scheduled].map((article) => [article.permalink, article.id]),
      customIds: run.selection.published.filter((article) => article.id !== article.url).map((article) => article.id),
    };
  }
  const racy = racySources(fingerprint, run.now);
  // A loop, not Math.max(...dates): spreading 100,000 arguments can overflow the stack.
  const extreme = (articles: Article[], pick: (a: number, b: number) => number): number | null =>
    articles.reduce<number | null>((found, article) => {
      const date = Date.parse(article.published);
      return found === null ? date : pick(found, date);
    }, null);
  const state: BuildState = {
    format: BUILD_STATE_FORMAT,
    key: fingerprint.key,
    sources: fingerprint.sources,
    validFrom: run.selection.includeFuture ? null : extreme(run.selection.published, Math.max),
    validUntil: extreme(run.selection.scheduled, Math.min),
    settled: run.settled && complete && racy.length === 0,
    patchable: run.settled && complete && patchable,
    racy,
    outputs,
    recordsId: records.id,
    summary: run.summary,
  };
  await writeBuildState(fingerprint.stateFile, state, records);
}

/** The article files of `fingerprint` modified too shortly before `now` for their stat to prove them unchanged later (build-state.ts `anyRacy`). */
export function racySources(fingerprint: RunFingerprint, now: number): string[] {
  return fingerprint.listing.found.files.filter((_, index) => {
    const version = fingerprint.sourceVersions[index];
    return version !== undefined && anyRacy([version], now);
  });
}

/** SHA-256 hex of an output file's bytes (strings as UTF-8, as they are written; parts one after another). */
export function contentHash(content: string | Uint8Array | readonly string[]): string {
  if (typeof content === "string") return hashText(content);
  if (content instanceof Uint8Array) return hashContent(content);
  const hash = createHash("sha256");
  for (const part of content) hash.update(part);
  return hash.digest("hex");
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Indexes of the versions whose ctime is not earlier than `sinceMs` (files that could not be
 * stat'ed left out). Not earlier, rather than later: file times advance in the kernel's clock
 * ticks (a few milliseconds), so a file written just after the state can carry its very time.
 */
function changedSince(versions: Array<FileVersion | null>, sinceMs: number): number[] {
  const changed: number[] = [];
  versions.forEach((version, index) => {
    if (version && version.ctimeMs >= sinceMs) changed.push(index);
  });
  return changed;
}
