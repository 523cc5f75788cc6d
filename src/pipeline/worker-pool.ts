import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SiteConfig } from "../config/schema.js";
import type { ReadAndDerived } from "./derive-file.js";
import type { DeriveBatch, DeriveBatchResult } from "./derive-worker.js";
import type { PrerenderOptions } from "./prerender-page.js";

/**
 * Below this many files to derive, threads cost more to start (each loads the derivers) than
 * they save: on 2 cores 1,000 files took 3.0 s in one thread and 3.3 s on two.
 */
export const PARALLEL_MIN_FILES = 2_000;

/** Files per message to a worker: large enough to make messaging cheap, small enough to balance the load. */
export const BATCH_SIZE = 32;

/** The environment variable that sets the number of worker threads (1 derives in the main thread). */
export const WORKERS_ENV = "FEEDWRIGHT_WORKERS";

/**
 * How many threads derive files, and whether that was asked for: `requested` (the `workers`
 * build option), else the FEEDWRIGHT_WORKERS environment variable, else
 * `os.availableParallelism()`; at least 1.
 */
export function workerCount(requested?: number): { count: number; explicit: boolean } {
  const fromEnv = Number(process.env[WORKERS_ENV]);
  const explicit = requested ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
  return { count: Math.max(1, Math.floor(explicit ?? os.availableParallelism())), explicit: explicit !== undefined };
}

/** The compiled worker script, or null when running from TypeScript sources (tests), where threads cannot load it. */
function workerScript(): URL | null {
  const script = new URL("./derive-worker.js", import.meta.url);
  return script.protocol === "file:" && existsSync(fileURLToPath(script)) ? script : null;
}

/**
 * Whether a run with `fileCount` files to derive should use the pool: with more than one
 * thread, and at least {@link PARALLEL_MIN_FILES} files unless the count was asked for explicitly.
 */
export function useWorkers(fileCount: number, workers: { count: number; explicit: boolean }): boolean {
  return workers.count > 1 && fileCount > 0 && (workers.explicit || fileCount >= PARALLEL_MIN_FILES) && workerScript() !== null;
}

/**
 * Reads and derives `files` on `workers` threads, handing each result to `onResult` with
 * its position in `files` as its batch comes back (so results need not all be held at
 * once); each result is exactly what deriving the file in the main thread gives. Files go
 * out in batches to whichever thread is free. Any thread failing stops all and rejects.
 */
export async function deriveInWorkers(
  articlesDir: string,
  config: SiteConfig,
  prerender: PrerenderOptions | undefined,
  files: Array<{ sourcePath: string; recent: boolean }>,
  workers: number,
  onResult: (position: number, result: ReadAndDerived) => void,
  onProgress?: (done: number) => void,
): Promise<void> {
  const script = workerScript();
  if (!script) throw new Error("the worker script is missing; build feedwright with `npm run build:ts`");
  const batches: DeriveBatch[] = [];
  for (let start = 0, id = 0; start < files.length; start += BATCH_SIZE, id++) batches.push({ id, files: files.slice(start, start + BATCH_SIZE) });
  const threads = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(script, { workerData: { articlesDir, config, prerender } }));
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const feed = (thread: Worker) => {
        if (next < batches.length) thread.postMessage(batches[next++]);
      };
      for (const thread of threads) {
        thread.on("message", (answer: DeriveBatchResult) => {
          const start = answer.id * BATCH_SIZE;
          try {
            answer.results.forEach((result, index) => onResult(start + index, result));
          } catch (error) {
            reject(error);
            return;
          }
          done += answer.results.length;
          onProgress?.(done);
          if (++finished === batches.length) resolve();
          else feed(thread);
        });
        thread.on("error", reject);
        thread.on("exit", (code) => {
          if (finished < batches.length) reject(new Error(`a worker thread stopped (exit code ${code}) before its work was done`));
        });
        feed(thread);
      }
    });
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
