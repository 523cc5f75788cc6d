import { Worker } from "node:worker_threads";
import { fileVersions, type FileVersion } from "./build-state.js";

/**
 * Below this many files a synchronous stat is cheaper than starting a thread (about 5 ms of
 * this thread's time, the cost of some thousand stats).
 */
export const BACKGROUND_STAT_MIN_FILES = 2_000;

// CommonJS evaluated from a string: the same in a compiled build and under the test runner.
const STAT_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const versions = new Float64Array(workerData.length * 4).fill(-1);
workerData.forEach((file, index) => {
  let stats;
  try { stats = statSync(file, { throwIfNoEntry: false }); } catch { stats = undefined; }
  if (stats && stats.isFile()) versions.set([stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino], index * 4);
});
parentPort.postMessage(versions, [versions.buffer]);
`;

/**
 * The versions of many files, as {@link fileVersions} gives them (null for a file missing or
 * not regular), taken on another thread while this one goes on: a run that changed one
 * article of ten thousand spends the time of its ten thousand output stats parsing its cache
 * instead. Falls back to stat'ing here if the thread cannot be started or fails.
 */
export function statInBackground(filePaths: string[]): Promise<Array<FileVersion | null>> {
  if (filePaths.length < BACKGROUND_STAT_MIN_FILES) return Promise.resolve(fileVersions(filePaths));
  return new Promise((resolve) => {
    let settled = false;
    const fallBack = () => {
      if (settled) return;
      settled = true;
      resolve(fileVersions(filePaths));
    };
    let worker: Worker;
    try {
      worker = new Worker(STAT_WORKER, { eval: true, workerData: filePaths });
    } catch {
      fallBack();
      return;
    }
    worker.once("message", (versions: Float64Array) => {
      if (settled) return;
      settled = true;
      resolve(filePaths.map((_, index) => (versions[index * 4] === -1 ? null : { size: versions[index * 4]!, mtimeMs: versions[index * 4 + 1]!, ctimeMs: versions[index * 4 + 2]!, ino: versions[index * 4 + 3]! })));
    });
    worker.once("error", fallBack);
    worker.once("exit", fallBack);
  });
}
