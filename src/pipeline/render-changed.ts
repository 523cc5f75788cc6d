import path from "node:path";
import type { Article } from "../article.js";
import { fileVersions, sameVersion, type FileVersion, type OutputRecord } from "../publish/build-state.js";
import type { FileSource } from "../publish/publish-files.js";
import type { PlannedFile } from "../render/plan-site.js";
import type { PrerenderedPage } from "./prerender-page.js";
import { stagedPageFile } from "./staged-page.js";
import { contentHash } from "./fast-path.js";

/** What rendering an incremental run produced. */
export interface RenderedChanges {
  /**
   * Files to publish, as functions that render them (publishFiles calls each as it stages
   * the file): null from one means its bytes hash to the recorded hash of an untouched file.
   */
  toWrite: Map<string, FileSource>;
  /** Files out/ already holds exactly: their input key (or their new bytes' hash) matches the recorded file, which is as it was left. */
  kept: string[];
  /** Every planned file's input key and content hash, for the next build state. */
  records: Map<string, { key: string; hash: string }>;
  /** The versions (stat) of kept files, as just checked: the build state need not stat them again. */
  keptVersions: Map<string, FileVersion>;
  /** The pages rendered ahead that were taken; the caller discards the others. */
  usedPages: Set<PrerenderedPage>;
}

/**
 * Decides which planned files must be rendered: a file whose input key matches the previous
 * state's and which still has the version (stat) the previous run left is kept without
 * rendering or reading; the others are returned as rendering functions for publishFiles, and
 * one whose bytes hash to the recorded hash of such an untouched file is kept too, without
 * reading it. `current` holds files' versions already taken (by the warm derive thread: build.ts);
 * the others are stat'ed here. A page rendered ahead (`prerendered`, by path) whose key is the planned key is
 * taken as rendered: its staged file is published as is. Content that cached articles lack
 * is fetched with `loadContents` first, for exactly the files still to be rendered.
 */
export async function renderChanged(
  plan: Map<string, PlannedFile>,
  previous: Map<string, OutputRecord> | null,
  outDir: string,
  loadContents: (articles: Article[]) => Promise<void>,
  prerendered: Map<string, PrerenderedPage[]> = new Map(),
  current: Map<string, FileVersion | null> | null = null,
): Promise<RenderedChanges> {
  const relPaths = [...plan.keys()];
  const recorded = relPaths.map((relPath) => previous?.get(relPath));
  // Only files the state knows are worth a stat.
  const unknown = relPaths.filter((relPath, index) => recorded[index] && !current?.has(relPath));
  const statted = new Map(fileVersions(unknown.map((relPath) => path.join(outDir, relPath))).map((version, index) => [unknown[index] as string, version]));
  const versions = relPaths.map((relPath, index) => (recorded[index] ? (current?.get(relPath) ?? statted.get(relPath) ?? null) : null));
  const untouched = relPaths.map((_, index) => {
    const record = recorded[index];
    const version = versions[index];
    return record !== undefined && version !== null && version !== undefined && sameVersion(version, record) ? record : undefined;
  });

  const result: RenderedChanges = { toWrite: new Map(), kept: [], records: new Map(), keptVersions: new Map(), usedPages: new Set() };
  const toRender: number[] = [];
  relPaths.forEach((relPath, index) => {
    const planned = plan.get(relPath) as PlannedFile;
    const record = untouched[index];
    if (record && record.key === planned.key) {
      result.kept.push(relPath);
      result.keptVersions.set(relPath, versions[index] as FileVersion);
      result.records.set(relPath, { key: planned.key, hash: record.hash });
      return;
    }
    const page = prerendered.get(relPath)?.find((candidate) => candidate.key === planned.key);
    if (page) {
      result.usedPages.add(page);
      result.records.set(relPath, { key: planned.key, hash: page.hash });
      if (page.staged === "unchanged") result.kept.push(relPath);
      else result.toWrite.set(relPath, stagedPageFile(page.relPath, page.staged, outDir));
      return;
    }
    toRender.push(index);
  });

  const needed = new Set<Article>();
  for (const index of toRender) for (const article of (plan.get(relPaths[index] as string) as PlannedFile).needs) needed.add(article);
  await loadContents([...needed]);

  for (const index of toRender) {
    const relPath = relPaths[index] as string;
    const planned = plan.get(relPath) as PlannedFile;
    result.toWrite.set(relPath, () => {
      const content = planned.render();
      const hash = contentHash(content);
      result.records.set(relPath, { key: planned.key, hash });
      if (untouched[index]?.hash !== hash) return content;
      result.keptVersions.set(relPath, versions[index] as FileVersion);
      return null;
    });
  }
  return result;
}
