import type { SiteConfig } from "../config/schema.js";
import type { FoundFiles } from "../read/find-article-files.js";
import { isRecent, judgeSourceStat, readLimits, type SourceStat } from "../read/read-source.js";
import type { ReadAndDerived } from "./derive-file.js";
import { BATCH_SIZE, type WarmWorker } from "./worker-pool.js";

/**
 * Derives ahead the few files an incremental run will almost surely derive (those written
 * since the last run saved its state), on the warm thread, while this thread reads the
 * article cache: an edit then does not wait for its one file after the cache lookups.
 * Speculation only: loadArticles takes a result only for a file that the cache does not
 * serve and whose `recent` flag it judges the same; the rest are discarded.
 */

/** Source path -> the `recent` flag the file was derived with, and its result (undefined if the thread stopped first). */
export type Prefetched = Map<string, { recent: boolean; result: Promise<ReadAndDerived | undefined> }>;

/** More changed files than this are left to the pool (a batch's worth: one round trip). */
export const PREFETCH_MAX_FILES = BATCH_SIZE;

/**
 * Sends the `changed` files of `listing` (indexes) to `warm` to derive, judged as
 * loadArticles judges them at `now` (files it would hold back or skip are not sent); undefined
 * when there is nothing to send or more than {@link PREFETCH_MAX_FILES}.
 */
export function prefetchChanged(
  warm: WarmWorker,
  listing: { found: FoundFiles; stats: Array<SourceStat | null> },
  changed: number[],
  config: SiteConfig,
  now: number,
): Prefetched | undefined {
  if (changed.length === 0 || changed.length > PREFETCH_MAX_FILES) return undefined;
  const limits = readLimits(config, now);
  const files: Array<{ sourcePath: string; recent: boolean }> = [];
  for (const index of changed) {
    const sourcePath = listing.found.files[index];
    const known = listing.stats[index];
    if (sourcePath === undefined || !known) continue;
    const stat = judgeSourceStat(sourcePath, known, limits);
    if (stat.ok) files.push({ sourcePath, recent: isRecent(stat.mtimeMs, now) });
  }
  if (files.length === 0) return undefined;
  const results = warm.derive(files);
  return new Map(files.map((file, index) => [file.sourcePath, { recent: file.recent, result: results.then((all) => all?.[index]) }]));
}
