import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SiteConfig } from "../config/schema.js";
import type { ReadAndDerived } from "./derive-file.js";
import { fileVersions, unpackVersions, type FileVersion } from "../publish/build-state.js";
import type { DeriveBatch, DeriveBatchResult, StatAnswer, StatRequest } from "./derive-worker.js";
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
 * A derive thread started before the run knows what it must derive, so that loading the
 * derivers (Markdown, YAML, dates, page rendering: some 80 ms) happens on another core while
 * this one reads the cache. Meanwhile it can stat the output files (`stat`). A run that then
 * derives a few files sends them to it; a run that derives many makes it one of the pool's
 * threads; a run that derives nothing stops it.
 */
export interface WarmWorker {
  /**
   * The versions of `files` as `fileVersions` gives them, taken on the thread; taken here
   * instead if the thread stops first.
   */
  stat(files: string[]): Promise<Array<FileVersion | null>>;
  /**
   * Derives `files` on the thread ahead of the run's cache lookups, as one batch answered
   * before anything sent after it; null if the thread stops first. Each result is what the
   * pool would give for the file (prefetch-changed.ts).
   */
  derive(files: DeriveBatch["files"]): Promise<ReadAndDerived[] | null>;
  /** The thread, for {@link deriveInWorkers} to use and stop; undefined once taken or stopped. */
  take(): Worker | undefined;
  /** Stops the thread unless it was taken. */
  stop(): Promise<void>;
}

/**
 * Starts a derive thread for a run that will derive with `articlesDir`, `config` and
 * `prerender`; null when there is one core (or one thread was asked for: `workers`) or when
 * running from TypeScript sources, where threads cannot load the worker script.
 */
export function startWarmWorker(articlesDir: string, config: SiteConfig, prerender: PrerenderOptions | undefined, workers?: number): WarmWorker | null {
  const script = workerScript();
  if (!script || workerCount(workers).count < 2) return null;
  const started = new Worker(script, { workerData: { articlesDir, config, prerender } });
  let thread: Worker | undefined = started;
  let taken = false;
  let pendingAnswers = 0;
  let stopping = false;
  // Until taken it keeps the process alive only while it owes an answer: a run that fails before deriving still exits.
  const holdWhilePending = () => {
    if (taken || stopping || pendingAnswers > 0) started.ref();
    else started.unref();
  };
  // A thread that fails before it is taken is dropped; the pool starts a fresh one, whose error it reports.
  started.on("error", () => {});
  let exited = false;
  started.once("exit", () => {
    exited = true;
    if (thread === started) thread = undefined;
  });
  holdWhilePending();
  /** Posts `message` and resolves with `accept`'s reading of the first answer it recognises, or `onExit()` if the thread stops first. */
  const ask = <T>(message: StatRequest | DeriveBatch, accept: (answer: unknown) => T | undefined, onExit: () => T): Promise<T> => {
    // A stopped thread would never answer.
    if (exited) return Promise.resolve(onExit());
    return new Promise((resolve) => {
      let answered = false;
      const answer = (value: T) => {
        if (answered) return;
        answered = true;
        started.off("message", onMessage);
        started.off("exit", onStop);
        pendingAnswers--;
        holdWhilePending();
        resolve(value);
      };
      const onMessage = (reply: unknown) => {
        const value = accept(reply);
        if (value !== undefined) answer(value);
      };
      const onStop = () => answer(onExit());
      pendingAnswers++;
      holdWhilePending();
      started.on("message", onMessage);
      started.once("exit", onStop);
      started.postMessage(message);
    });
  };
  return {
    stat(files) {
      return ask(
        { kind: "stat", files } satisfies StatRequest,
        (reply) => (isStatAnswer(reply) ? unpackVersions(reply.versions) : undefined),
        () => fileVersions(files),
      );
    },
    derive(files) {
      return ask<ReadAndDerived[] | null>(
        { id: PREFETCH_BATCH_ID, files } satisfies DeriveBatch,
        (reply) => (isPrefetchAnswer(reply) ? reply.results : undefined),
        () => null,
      );
    },
    take() {
      const taking = thread;
      thread = undefined;
      taken = taking !== undefined;
      holdWhilePending();
      return taking;
    },
    async stop() {
      const left = thread;
      thread = undefined;
      // Held while it stops: an answer arriving meanwhile must not unref it, or the process
      // could run out of work mid-await and exit before the run finishes (the CLI's exit code 13).
      stopping = true;
      holdWhilePending();
      await left?.terminate();
    },
  };
}

function isStatAnswer(message: unknown): message is StatAnswer {
  return typeof message === "object" && message !== null && (message as { kind?: unknown }).kind === "stat";
}

/** The id of a warm thread's speculative batch ({@link WarmWorker.derive}): pool batches count up from 0. */
const PREFETCH_BATCH_ID = -1;

function isPrefetchAnswer(message: unknown): message is DeriveBatchResult {
  return typeof message === "object" && message !== null && (message as { id?: unknown }).id === PREFETCH_BATCH_ID;
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
  warm?: WarmWorker,
): Promise<void> {
  const script = workerScript();
  if (!script) throw new Error("the worker script is missing; build feedwright with `npm run build:ts`");
  const batches: DeriveBatch[] = [];
  for (let start = 0, id = 0; start < files.length; start += BATCH_SIZE, id++) batches.push({ id, files: files.slice(start, start + BATCH_SIZE) });
  const count = Math.min(workers, batches.length);
  const started = warm?.take();
  const threads = [...(started ? [started] : []), ...Array.from({ length: count - (started ? 1 : 0) }, () => new Worker(script, { workerData: { articlesDir, config, prerender } }))];
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const feed = (thread: Worker) => {
        if (next < batches.length) thread.postMessage(batches[next++]);
      };
      for (const thread of threads) {
        thread.on("message", (answer: DeriveBatchResult | StatAnswer) => {
          // A warm thread's answers to its own requests go to their own listeners.
          if (isStatAnswer(answer) || answer.id === PREFETCH_BATCH_ID) return;
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
