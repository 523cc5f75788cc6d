import { parentPort, workerData } from "node:worker_threads";
import type { SiteConfig } from "../config/schema.js";
import { fileVersions, packVersions } from "../publish/build-state.js";
import { readAndDerive, type ReadAndDerived } from "./derive-file.js";
import { prerenderContext, type PrerenderOptions } from "./prerender-page.js";

/**
 * A worker thread of the derive pool (worker-pool.ts): reads and derives the files it is
 * sent (rendering and staging their pages when asked: prerender-page.ts), in the order sent,
 * and posts the results back; stats files when asked (a warm thread's first job). Holds no
 * state between messages.
 */

/** A batch of files for a worker. */
export interface DeriveBatch {
  id: number;
  files: Array<{ sourcePath: string; recent: boolean }>;
}

/** A request to stat files (worker-pool.ts `WarmWorker.stat`), answered before any batch sent after it. */
export interface StatRequest {
  kind: "stat";
  files: string[];
}

/** The versions of a {@link StatRequest}'s files, packed (build-state.ts `packVersions`). */
export interface StatAnswer {
  kind: "stat";
  versions: Float64Array;
}

/** A worker's answer to one batch, results in the batch's order. */
export interface DeriveBatchResult {
  id: number;
  results: ReadAndDerived[];
}

const { articlesDir, config, prerender } = workerData as { articlesDir: string; config: SiteConfig; prerender?: PrerenderOptions };
const context = prerender ? prerenderContext({ ...prerender, config }) : undefined;

parentPort?.on("message", (message: DeriveBatch | StatRequest) => {
  if ("kind" in message) {
    const versions = packVersions(fileVersions(message.files));
    parentPort?.postMessage({ kind: "stat", versions } satisfies StatAnswer, [versions.buffer]);
    return;
  }
  const batch = message;
  const results = batch.files.map((file) => withoutRawContent(readAndDerive(articlesDir, file.sourcePath, file.recent, config, context)));
  parentPort?.postMessage({ id: batch.id, results } satisfies DeriveBatchResult);
});

/**
 * The main thread reads only the sanitised content of a derived article (the raw HTML only
 * when it derives a file again itself), so the raw copy does not cross threads.
 */
function withoutRawContent(result: ReadAndDerived): ReadAndDerived {
  return result.ok && result.derived.kind === "article" ? { ...result, derived: { ...result.derived, content: "" } } : result;
}
