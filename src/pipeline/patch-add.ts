import { readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../article.js";
import { hashContent, peekCache, RACY_WINDOW_MS } from "../publish/article-cache.js";
import { fileVersions, outputsAsRecorded, readOutputRecordsFile, sourcesDigest, writeBuildState, type BuildState, type FileVersion, type OutputRecords, type RecordedOutline, type StateSummary } from "../publish/build-state.js";
import { isRecent, judgeSourceStat, readLimits } from "../read/read-source.js";
import { articlePagePath, SITE_PAGE_PERMALINKS, tagPageUrl } from "../render/article-page-plan.js";
import { groupKey } from "../render/feed-groups.js";
import { createPlanner, type ContentSource, type PlannedFile } from "../render/plan-site.js";
import { prepareTags } from "../render/prepare-article.js";
import { holdBack } from "../select/select-articles.js";
import { contentPackFile, openContentPack } from "./content-pack.js";
import { contentHash, racySources } from "./fast-path.js";
import type { FileOutcome } from "./load-articles.js";
import { publishedEntries, publishPatch, randomId, type PatchedRun, type PatchRun } from "./patch-run.js";

/**
 * A patch run for one article added, newer than every published article (the common case
 * of a folder of news run from cron): it goes first in every list that shows it. The files
 * that change are its page, the site's feeds, the home page, its year's archive page, the
 * archive's page, each of its tags' feeds and page, and the tag index; every other file
 * keeps its inputs. They are planned from the build records' outline (each year's and each
 * tag's articles) and the cache entries of the articles they list. As for edits
 * (patch-run.ts), each of them planned without the new article must get the key the last
 * full plan recorded, or a full run does the work. Only tags the site has already are
 * taken: a new tag's slug could take another tag's.
 */

type Outcome = Extract<FileOutcome, { kind: "article" }>;

export async function patchAdd(run: PatchRun, state: BuildState, added: { relPath: string; version: FileVersion }): Promise<PatchedRun | null> {
  const { fingerprint, config, outDir } = run;
  const { found } = fingerprint.listing;
  // The listing without the new file must be the state's: it is new, and nothing else changed.
  const rest = found.files.flatMap((relPath, index): Array<[string, FileVersion]> => (relPath === added.relPath ? [] : [[relPath, fingerprint.sourceVersions[index] as FileVersion]]));
  if (config.authorFeeds || sourcesDigest(rest) !== state.sources) return null;
  const records = await readOutputRecordsFile(fingerprint.stateFile, state);
  const outline = records?.outline;
  if (!records || !outline) return null;

  const limits = readLimits(config, run.clock());
  if (!judgeSourceStat(added.relPath, added.version, limits).ok) return null;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(run.articlesDir, added.relPath));
  } catch {
    return null;
  }
  const { deriveFileBytes } = await import("./derive-file.js");
  const derived = deriveFileBytes(added.relPath, bytes, isRecent(added.version.mtimeMs, limits.now), config);
  if (derived.kind !== "article" || derived.outcome.kind !== "article" || derived.outcome.diagnostics.length > 0) return null;
  const outcome = derived.outcome;
  const article = outcome.article;

  // It publishes now, and claims an address no other article has (disambiguation would move one of them).
  if (holdBack(article, { now: run.now, includeDrafts: run.includeDrafts, includeFuture: run.includeFuture }) !== null) return null;
  const pagePath = articlePagePath(article);
  const outputIndex = new Map(state.outputs.paths.map((relPath, index) => [relPath, index]));
  if (article.id !== article.url || SITE_PAGE_PERMALINKS.includes(article.permalink) || outputIndex.has(pagePath)) return null;
  if (outline.customIds.includes(article.id) || outline.heldBack.some(([permalink, id]) => permalink === article.permalink || id === article.id)) return null;

  // Its tags, each one a group the site has.
  const groupIndex = new Map(outline.tags.map(([name], index) => [groupKey(name), index]));
  const ownTags = new Map<number, string>();
  for (const tag of prepareTags(article.tags)) {
    const key = groupKey(tag);
    if (key === "") continue;
    const index = groupIndex.get(key);
    if (index === undefined) return null;
    // The group takes its name as its newest article writes it: this one.
    if (!ownTags.has(index)) ownTags.set(index, tag.trim());
  }
  const year = article.published.slice(0, 4);
  const yearIndex = outline.years.findIndex(([recorded]) => recorded === year);

  // The articles the changed files list, read from the cache.
  const published = state.summary.published;
  const siteFeed = records.needs[outputIndex.get("rss.xml") ?? -1];
  if (siteFeed === undefined) return null;
  const homeCount = Math.min(config.homeLimit, published.length);
  const shown = new Set<number>([...(siteFeed === 0 ? [] : siteFeed), ...Array.from({ length: homeCount }, (_, index) => index), ...(yearIndex === -1 ? [] : outline.years[yearIndex]![1])]);
  for (const index of ownTags.keys()) for (const member of outline.tags[index]![2]) shown.add(member);
  const peek = await peekCache<FileOutcome>(run.cacheFile, run.cacheKey, [...shown].map((index) => published[index] as string));
  if (!peek || peek.journalRoom < 1) return null;
  const shownEntries = publishedEntries(peek.entries, [...shown].map((index) => published[index] as string), state);
  if (!shownEntries) return null;
  const articles = new Map([...shown].map((index) => [index, (shownEntries.get(published[index] as string) as { value: Outcome }).value]));
  const at = (indexes: number[]) => indexes.map((index) => (articles.get(index) as Outcome).article);
  const newest = articles.get(0);
  if (newest && !(Date.parse(article.published) > Date.parse(newest.article.published))) return null;

  const pack = openContentPack(contentPackFile(run.cacheFile), { fresh: false });
  try {
    const contents = new Map<Article, string>([[article, derived.sanitized]]);
    const outcomes = new Map<Article, Outcome>([[article, outcome]]);
    for (const value of articles.values()) outcomes.set(value.article, value);
    const content: ContentSource = {
      hashOf: (item) => (outcomes.get(item) as Outcome).contentHash,
      fieldsHashOf: (item) => outcomes.get(item)?.fieldsHash,
      contentOf: (item) => contents.get(item) as string,
    };

    /** The changed files as a full run plans them, without the new article or with it (first in every list). */
    const plan = (withNew: boolean): Map<string, PlannedFile> => {
      const planner = createPlanner(config, content);
      const first = (list: Article[]) => (withNew ? [article, ...list] : list);
      planner.planFeeds({ folder: "", ...records.feeds[""]! }, first(at(siteFeed === 0 ? [] : siteFeed)).slice(0, config.feedLimit));
      const years = outline.years.map(([recorded, members]): [string, number] => [recorded, members.length + (withNew && recorded === year ? 1 : 0)]);
      if (withNew && yearIndex === -1) years.push([year, 1]);
      years.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
      const archive = planner.archiveLinks(years);
      planner.planHome(first(at(Array.from({ length: homeCount }, (_, index) => index))).slice(0, config.homeLimit), archive);
      if (withNew || yearIndex !== -1) planner.planYear(year, first(yearIndex === -1 ? [] : at(outline.years[yearIndex]![1])));
      planner.planArchiveIndex(archive);
      const links = outline.tags.map(([name, slug, members], index) => {
        const own = ownTags.get(index);
        if (own === undefined) return planner.groupLink("tags", { name, slug, count: members.length });
        return planner.planGroup("tags", { name: withNew ? own : name, slug, articles: first(at(members)) });
      });
      planner.planGroupIndex("tags", links);
      if (withNew) {
        const slugs = new Map(outline.tags.map(([name, slug]) => [groupKey(name), slug]));
        planner.planPage(article, (tag) => {
          const slug = slugs.get(groupKey(tag));
          return slug === undefined ? undefined : tagPageUrl(slug, planner.base);
        });
      }
      return planner.files;
    };
    const before = plan(false);
    for (const [relPath, planned] of before) {
      const index = outputIndex.get(relPath);
      if (index === undefined || records.keys[index] !== planned.key) return null;
    }
    const after = plan(true);
    // Content only for the articles the feeds carry (listings show none), read before committing:
    // a pack entry that does not read back whole is a full run's job.
    for (const planned of after.values()) {
      for (const shownArticle of planned.needs) {
        if (contents.has(shownArticle)) continue;
        const packed = outcomes.get(shownArticle)?.packed;
        const html = packed?.url === shownArticle.url ? pack.read(packed) : null;
        if (html === null) return null;
        contents.set(shownArticle, html);
      }
    }
    // Every output file must still be as the last run left it (see patch-run.ts).
    if (!outputsAsRecorded(state, outDir)) return null;

    // From here on the run commits (see patch-run.ts).
    await fingerprint.invalidate();
    const toWrite = new Map<string, () => string | string[] | null>();
    const hashes = new Map<string, string>();
    for (const [relPath, planned] of after) {
      const index = outputIndex.get(relPath);
      toWrite.set(relPath, () => {
        const rendered = planned.render();
        const hash = contentHash(rendered);
        hashes.set(relPath, hash);
        return index !== undefined && records.hashes[index] === hash ? null : rendered;
      });
    }
    const files = await publishPatch(outDir, toWrite, state.outputs.paths);

    const packed = pack.append(derived.sanitized, article.url);
    const stored = { ...added.version, hash: hashContent(bytes), statTrusted: run.clock() - added.version.mtimeMs > RACY_WINDOW_MS, value: { ...outcome, packed } };
    await peek.append([[added.relPath, stored]]).catch(() => {});
    const summary = { ...state.summary, published: [added.relPath, ...published], feedItems: Math.min(config.feedLimit, published.length + 1) };
    await saveAddedState(run, state, records, { relPath: added.relPath, article, after, hashes, written: files.written, year, ownTags, summary }).catch(() => {});
    return { files, summary, read: 1 };
  } finally {
    pack.close();
  }
}

/**
 * The build state and records after adding `change.article` first in the published list:
 * every article index moves up by one, its files join the outputs in path order, and its
 * year and tags list it first.
 */
async function saveAddedState(
  run: PatchRun,
  state: BuildState,
  records: OutputRecords,
  change: { relPath: string; article: Article; after: Map<string, PlannedFile>; hashes: Map<string, string>; written: string[]; year: string; ownTags: Map<number, string>; summary: StateSummary },
): Promise<void> {
  const { fingerprint, outDir } = run;
  const published = new Map(state.summary.published.map((relPath, index) => [relPath, index + 1]));
  published.set(change.relPath, 0);
  const shift = (indexes: number[]) => indexes.map((index) => index + 1);
  const paths = [...new Set([...state.outputs.paths, ...change.after.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const previous = new Map(state.outputs.paths.map((relPath, index) => [relPath, index]));
  const outBase = outDir.endsWith(path.sep) ? outDir : outDir + path.sep;
  const written = new Set(change.written);
  const writtenVersions = fileVersions(change.written.map((relPath) => outBase + relPath));
  const statted = new Map(change.written.map((relPath, index) => [relPath, writtenVersions[index] ?? null]));
  const next: OutputRecords = { id: randomId(), hashes: [], keys: [], needs: [], feeds: { ...records.feeds } };
  const versions: number[] = [];
  for (const relPath of paths) {
    const index = previous.get(relPath);
    const planned = change.after.get(relPath);
    const version = written.has(relPath) ? statted.get(relPath) : index === undefined ? null : { size: state.outputs.versions[index * 4]!, mtimeMs: state.outputs.versions[index * 4 + 1]!, ctimeMs: state.outputs.versions[index * 4 + 2]!, ino: state.outputs.versions[index * 4 + 3]! };
    // A file that could not be stat'ed leaves no usable state: the next run is a full one.
    if (!version) return;
    versions.push(version.size, version.mtimeMs, version.ctimeMs, version.ino);
    next.hashes.push(change.hashes.get(relPath) ?? (records.hashes[index as number] as string));
    next.keys.push(planned ? planned.key : (records.keys[index as number] as string));
    const needs = planned ? planned.needs.map((item) => published.get(item.sourcePath) ?? -1) : (records.needs[index as number] ?? 0);
    if (needs !== 0 && needs.includes(-1)) return;
    next.needs.push(planned ? (needs === 0 || needs.length === 0 ? 0 : needs) : needs === 0 ? 0 : shift(needs));
    if (planned?.feed) {
      const { folder, ...spec } = planned.feed;
      next.feeds[folder] = spec;
    }
  }
  const outline = records.outline as RecordedOutline;
  const years = outline.years.map(([year, members]): [string, number[]] => [year, year === change.year ? [0, ...shift(members)] : shift(members)]);
  if (!years.some(([year]) => year === change.year)) years.push([change.year, [0]]);
  years.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  next.outline = {
    years,
    tags: outline.tags.map(([name, slug, members], index) => {
      const own = change.ownTags.get(index);
      return own === undefined ? [name, slug, shift(members)] : [own, slug, [0, ...shift(members)]];
    }),
    heldBack: outline.heldBack,
    customIds: outline.customIds,
  };
  const now = run.clock();
  const racy = racySources(fingerprint, now);
  const date = Date.parse(change.article.published);
  const nextState: BuildState = {
    ...state,
    sources: fingerprint.sources,
    validFrom: run.includeFuture ? null : Math.max(state.validFrom ?? date, date),
    settled: racy.length === 0,
    patchable: true,
    racy,
    outputs: { paths, versions },
    recordsId: next.id,
    summary: change.summary,
  };
  await writeBuildState(fingerprint.stateFile, nextState, next);
}
