// @ts-check
/**
 * Timing of whole processes: feedwright (through measure-child.mjs), Hugo (through GNU time
 * when present) and CLI start-up, plus the medians the table reports.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const MEASURE_CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "measure-child.mjs");

/**
 * @typedef {object} Measurement
 * @property {number} wallSeconds
 * @property {number | null} cpuSeconds user + system
 * @property {number | null} peakRssMiB
 * @property {number} exitCode
 */


/**
 * Runs the CLI under measure-child.mjs and returns its wall time, CPU time and peak RSS.
 * @param {string} cli
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<Measurement>}
 */
export async function measureFeedwright(cli, args, cwd) {
  const report = path.join(os.tmpdir(), `feedwright-bench-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const { code, stderr } = await runProcess(process.execPath, [MEASURE_CHILD, report, cli, ...args], cwd);
  const wallSeconds = (performance.now() - started) / 1000;
  const usage = await readJson(report);
  await rm(report, { force: true });
  // 1 means "published with warnings": still a build worth timing.
  if (code !== 0 && code !== 1) throw new Error(`feedwright build exited with ${code} in ${cwd}:\n${tail(stderr)}`);
  if (!usage) throw new Error(`feedwright build did not report its resource use (exit ${code}):\n${tail(stderr)}`);
  return { wallSeconds, cpuSeconds: usage.userSeconds + usage.systemSeconds, peakRssMiB: usage.peakRssMiB, exitCode: code };
}

/**
 * Runs one cold Hugo build of `site` (public/ and caches removed first).
 * @param {string} hugo
 * @param {string} site
 * @param {string | null} timeTool
 * @returns {Promise<Measurement>}
 */
export async function measureHugo(hugo, site, timeTool) {
  const destination = path.join(site, "public");
  const cacheDir = path.join(site, ".hugo-cache");
  for (const dir of [destination, cacheDir, path.join(site, "resources")]) await rm(dir, { recursive: true, force: true });
  const hugoArgs = ["--quiet", "--source", site, "--destination", destination, "--cacheDir", cacheDir];
  const report = path.join(os.tmpdir(), `feedwright-bench-hugo-${process.pid}-${Date.now()}.txt`);
  const [command, args] = timeTool ? [timeTool, ["-f", "%e %U %S %M", "-o", report, hugo, ...hugoArgs]] : [hugo, hugoArgs];
  const started = performance.now();
  const { code, stderr } = await runProcess(command, args, site);
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`hugo exited with ${code} building ${site}:\n${tail(stderr)}`);
  if (!timeTool) return { wallSeconds, cpuSeconds: null, peakRssMiB: null, exitCode: code };
  const fields = (await readFile(report, "utf8")).trim().split("\n").at(-1)?.split(" ").map(Number) ?? [];
  await rm(report, { force: true });
  const [, user = NaN, system = NaN, maxRssKiB = NaN] = fields;
  return { wallSeconds, cpuSeconds: user + system, peakRssMiB: maxRssKiB / 1024, exitCode: code };
}

/**
 * Median wall time of `feedwright --version` and `--help`, started directly (no wrapper).
 * @param {string} cli
 * @param {number} runs
 */
export function measureStartup(cli, runs) {
  /** @param {string} flag */
  const time = (flag) => {
    const walls = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      spawnSync(process.execPath, [cli, flag], { stdio: "ignore" });
      walls.push((performance.now() - started) / 1000);
    }
    return median(walls);
  };
  return { runs, version: time("--version"), help: time("--help") };
}

/**
 * Median of each field separately.
 * @param {Measurement[]} runs
 * @returns {Measurement}
 */
export function medianMeasurement(runs) {
  /** @param {(m: Measurement) => number | null} pick */
  const of = (pick) => {
    const values = runs.map(pick).filter((v) => v !== null);
    return values.length === runs.length ? median(/** @type {number[]} */ (values)) : null;
  };
  return {
    wallSeconds: /** @type {number} */ (of((m) => m.wallSeconds)),
    cpuSeconds: of((m) => m.cpuSeconds),
    peakRssMiB: of((m) => m.peakRssMiB),
    exitCode: Math.max(...runs.map((m) => m.exitCode)),
  };
}

/**
 * The middle value (mean of the two middle ones for an even count).
 * @param {number[]} values
 */
export function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * Finds Hugo by running `command version`; null when it is not installed.
 * @param {string} command "hugo" (looked up on PATH) or a path
 */
export function findHugo(command) {
  const probe = spawnSync(command, ["version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return null;
  return { path: command, version: probe.stdout.trim().split(" ").slice(0, 2).join(" ") };
}

/** GNU time, for Hugo's CPU time and peak RSS; without it Hugo gets wall time only. */
export function findTimeTool() {
  const probe = spawnSync("/usr/bin/time", ["-f", "%e", "true"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? null : "/usr/bin/time";
}

/**
 * What `cli --version` prints, for the report's header.
 * @param {string} cli
 */
export function commandVersion(cli) {
  const probe = spawnSync(process.execPath, [cli, "--version"], { encoding: "utf8" });
  const printed = probe.status === 0 ? probe.stdout.trim() : "";
  return printed || "(--version printed nothing)";
}

/**
 * Parses a JSON file; null when it is missing or not JSON (a marker or report that is not there).
 * @param {string} file
 */
export async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number; stderr: string }>}
 */
function runProcess(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stderr }));
  });
}

/** @param {string} text */
function tail(text) {
  return text.trim().split("\n").slice(-20).join("\n");
}
