#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: times `feedwright build` as a whole process on generated corpora
 * (cold, no change, one edited, one added, one deleted) and, when `hugo` is on PATH,
 * against a minimal Hugo site built from the same corpus, measured alternately.
 *
 * Options (after `npm run bench --`):
 *   --sizes 1000,10000   corpus sizes (default 1000,10000; 100000 works too)
 *   --quick              CI-sized run: 50 articles, one round, no timing-heavy extras
 *   --rounds N           cold and no-change builds per size, median reported (default 3)
 *   --seed N             corpus seed (default 20211019)
 *   --corpora DIR        where corpora and work folders live (default bench/corpora)
 *   --cli PATH           the feedwright CLI module to run (default dist/cli.js)
 *   --no-hugo            skip Hugo even when it is installed
 *   --json FILE          also write every measurement as JSON
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { link, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { GENERATOR_VERSION, addOne, deleteOne, editOne, generateCorpus, listArticleFiles } from "./generate-corpus.mjs";
import { HUGO_SITE_VERSION, writeHugoSite } from "./hugo-site.mjs";
import { targetVerdicts } from "./targets.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MEASURE_CHILD = path.join(REPO_ROOT, "bench", "measure-child.mjs");
const DEFAULT_SEED = 20211019;
const QUICK_SIZE = 50;

/** The cases timed for every size, in the order they run (each builds on the previous state). */
export const CASES = Object.freeze(["cold", "no-change", "one-edited", "one-added", "one-deleted"]);

/** What the site config for every benchmark build holds. */
const BENCH_CONFIG = Object.freeze({ title: "feedwright bench", siteUrl: "https://bench.example/", timeZone: "UTC", feedLimit: 20 });

/**
 * @typedef {object} Measurement
 * @property {number} wallSeconds
 * @property {number | null} cpuSeconds user + system
 * @property {number | null} peakRssMiB
 * @property {number} exitCode
 */

/**
 * @typedef {object} CaseResult
 * @property {string} name
 * @property {number} size
 * @property {Measurement} median
 * @property {number} runs
 * @property {number | null} filesWritten files in out/ created or rewritten
 * @property {number | null} filesRemoved
 * @property {number | null} hugoRatio feedwright wall time / Hugo's median cold wall time
 */

async function main() {
  const options = readOptions();
  const cli = path.resolve(options.cli);
  if (!existsSync(cli)) {
    fail(`The feedwright CLI was not found at ${cli}. Run \`npm run build:ts\` (or \`npm ci\`) first, or pass --cli PATH.`);
  }
  const hugo = options.hugo ? findHugo() : null;
  const timeTool = findTimeTool();
  const version = commandVersion(cli);

  const cpus = os.cpus();
  const out = [];
  out.push("feedwright benchmark");
  out.push(
    `machine: ${os.availableParallelism()} cores (os.availableParallelism), ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}`,
  );
  out.push(`node ${process.version}, feedwright ${version}, seed ${options.seed}, rounds ${options.rounds}`);
  if (!options.hugo) out.push("hugo skipped (--no-hugo): ratios skipped");
  else if (!hugo) out.push("hugo not found: ratios skipped");
  else out.push(`${hugo.version}; raw-text .txt articles are skipped for Hugo (it has no reader for them), so Hugo builds fewer pages`);
  for (const line of out) console.log(line);

  /** @type {CaseResult[]} */
  const results = [];
  /** @type {{ size: number; median: Measurement; runs: number; articles: number }[]} */
  const hugoResults = [];
  for (const size of options.sizes) {
    const sizeResult = await benchSize(size, { ...options, cli, hugo, timeTool });
    results.push(...sizeResult.cases);
    if (sizeResult.hugo) hugoResults.push(sizeResult.hugo);
  }

  console.log("");
  console.log(formatTable(results, hugoResults));
  const startup = measureStartup(cli, options.quick ? 1 : 5);
  console.log("");
  console.log(`start-up (median of ${startup.runs}): feedwright --version ${startup.version.toFixed(3)} s, feedwright --help ${startup.help.toFixed(3)} s`);
  const verdicts = targetVerdicts(results, startup);
  console.log("");
  console.log("issue 8 targets (set for a 2-core machine):");
  for (const line of verdicts) console.log(`  ${line}`);
  if (options.json) {
    await writeFile(
      options.json,
      JSON.stringify({ header: out, results, hugo: hugoResults, startup, targets: verdicts }, null, 2) + "\n",
    );
  }
}

/**
 * Prepares one corpus and times every case on it.
 * @param {number} size
 * @param {ReturnType<typeof readOptions> & { cli: string; hugo: ReturnType<typeof findHugo>; timeTool: string | null }} options
 */
async function benchSize(size, options) {
  const base = path.join(options.corpora, String(size));
  const articles = path.join(base, "articles");
  const work = path.join(base, "work");
  const outDir = path.join(work, "out");
  const configFile = path.join(base, "feedwright.config.json");
  const regenerated = await ensureCorpus(base, articles, size, options.seed);
  await writeFile(configFile, JSON.stringify(BENCH_CONFIG, null, 2) + "\n");

  let hugoSite = null;
  if (options.hugo) {
    hugoSite = path.join(options.corpora, `${size}-hugo`);
    const skipped = await ensureHugoSite(hugoSite, articles, { size, seed: options.seed, force: regenerated });
    progress(`size ${size}: hugo site ready (${skipped} raw-text articles skipped)`);
  }

  const buildArgs = ["build", "--articles", articles, "--out", outDir, "--config", configFile, "--quiet"];
  const runBuild = () => measureFeedwright(options.cli, buildArgs, work);

  /** @type {Measurement[]} */
  const coldRuns = [];
  /** @type {Measurement[]} */
  const hugoRuns = [];
  let coldChanges = null;
  for (let round = 0; round < options.rounds; round++) {
    await resetWork(work, articles);
    progress(`size ${size}: cold build ${round + 1}/${options.rounds}`);
    const before = await snapshot(outDir);
    coldRuns.push(await runBuild());
    coldChanges = diffSnapshots(before, await snapshot(outDir));
    if (hugoSite && options.hugo) {
      progress(`size ${size}: hugo cold build ${round + 1}/${options.rounds}`);
      hugoRuns.push(await measureHugo(options.hugo.path, hugoSite, options.timeTool));
    }
  }
  const hugoMedian = hugoRuns.length > 0 ? medianMeasurement(hugoRuns) : null;
  /** @param {number} wall */
  const ratio = (wall) => (hugoMedian ? wall / hugoMedian.wallSeconds : null);

  /** @type {CaseResult[]} */
  const cases = [];
  const cold = medianMeasurement(coldRuns);
  cases.push({ name: "cold", size, median: cold, runs: coldRuns.length, ...changeCounts(coldChanges), hugoRatio: ratio(cold.wallSeconds) });

  /** @type {Measurement[]} */
  const noChangeRuns = [];
  let noChangeChanges = null;
  for (let round = 0; round < options.rounds; round++) {
    progress(`size ${size}: no-change build ${round + 1}/${options.rounds}`);
    const before = await snapshot(outDir);
    noChangeRuns.push(await runBuild());
    const changes = diffSnapshots(before, await snapshot(outDir));
    // Report the worst round: one rewrite in any round is a finding.
    if (!noChangeChanges || changes.written + changes.removed > noChangeChanges.written + noChangeChanges.removed) noChangeChanges = changes;
  }
  const noChange = medianMeasurement(noChangeRuns);
  cases.push({ name: "no-change", size, median: noChange, runs: noChangeRuns.length, ...changeCounts(noChangeChanges), hugoRatio: ratio(noChange.wallSeconds) });

  // The mutations change the cached corpus; the marker makes an interrupted run regenerate it.
  const dirtyMarker = path.join(base, "mutating");
  await writeFile(dirtyMarker, "a benchmark run is changing this corpus; it is regenerated if this file is left behind\n");
  const mutations = [];
  try {
    for (const [name, mutate] of /** @type {const} */ ([["one-edited", editOne], ["one-added", addOne], ["one-deleted", deleteOne]])) {
      mutations.push(await mutate(articles));
      progress(`size ${size}: ${name} build`);
      const before = await snapshot(outDir);
      const measured = await runBuild();
      const changes = diffSnapshots(before, await snapshot(outDir));
      cases.push({ name, size, median: measured, runs: 1, ...changeCounts(changes), hugoRatio: ratio(measured.wallSeconds) });
    }
  } finally {
    for (const mutation of mutations.reverse()) await mutation.undo();
    await rm(dirtyMarker, { force: true });
  }

  const hugoArticles = options.hugo ? (await listArticleFiles(articles)).filter((f) => f.endsWith(".md")).length : 0;
  return { cases, hugo: hugoMedian ? { size, median: hugoMedian, runs: hugoRuns.length, articles: hugoArticles } : null };
}

/**
 * Generates the corpus unless a complete one with the same seed and generator version is there.
 * @param {string} base
 * @param {string} articles
 * @param {number} size
 * @param {number} seed
 * @returns {Promise<boolean>} whether it was (re)generated
 */
async function ensureCorpus(base, articles, size, seed) {
  const markerFile = path.join(base, "corpus.json");
  const wanted = { generatorVersion: GENERATOR_VERSION, seed, count: size };
  const marker = await readJson(markerFile);
  const dirty = existsSync(path.join(base, "mutating"));
  if (!dirty && marker && marker.generatorVersion === wanted.generatorVersion && marker.seed === seed && marker.count === size) {
    const files = await listArticleFiles(articles).catch(() => []);
    if (files.length === marker.summary?.files) {
      progress(`size ${size}: reusing corpus in ${articles}`);
      return false;
    }
  }
  progress(`size ${size}: generating corpus in ${articles}`);
  await rm(base, { recursive: true, force: true });
  await mkdir(base, { recursive: true });
  const started = performance.now();
  const summary = await generateCorpus(articles, { count: size, seed });
  progress(
    `size ${size}: generated ${summary.files} articles (${summary.markdownYaml} YAML, ${summary.markdownToml} TOML, ` +
      `${summary.rawText} raw text, ${(summary.bytes / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await writeFile(markerFile, JSON.stringify({ ...wanted, summary }, null, 2) + "\n");
  return true;
}

/**
 * Writes the Hugo site for a corpus unless an up-to-date one is there.
 * @param {string} site
 * @param {string} articles
 * @param {{ size: number; seed: number; force: boolean }} spec
 * @returns {Promise<number>} raw-text articles left out
 */
async function ensureHugoSite(site, articles, spec) {
  const markerFile = path.join(site, "site.json");
  const marker = await readJson(markerFile);
  if (!spec.force && marker && marker.hugoSiteVersion === HUGO_SITE_VERSION && marker.generatorVersion === GENERATOR_VERSION && marker.seed === spec.seed && marker.count === spec.size) {
    return marker.skipped;
  }
  await rm(site, { recursive: true, force: true });
  const files = await listArticleFiles(articles);
  await writeHugoSite(site, BENCH_CONFIG);
  let skipped = 0;
  const madeDirs = new Set();
  for (const file of files) {
    if (!file.endsWith(".md")) {
      skipped++;
      continue;
    }
    const target = path.join(site, "content", "posts", file);
    const parent = path.dirname(target);
    if (!madeDirs.has(parent)) {
      await mkdir(parent, { recursive: true });
      madeDirs.add(parent);
    }
    // Hard links cost no space; Hugo does not follow symlinked content files.
    await link(path.join(articles, file), target).catch(() => copyFile(path.join(articles, file), target));
  }
  await writeFile(markerFile, JSON.stringify({ hugoSiteVersion: HUGO_SITE_VERSION, generatorVersion: GENERATOR_VERSION, seed: spec.seed, count: spec.size, skipped }, null, 2) + "\n");
  return skipped;
}

/**
 * Empties the work folder (output and any cache) so the next build is cold.
 * @param {string} work
 * @param {string} articles
 */
async function resetWork(work, articles) {
  await rm(work, { recursive: true, force: true });
  await rm(path.join(articles, ".feedwright-cache"), { recursive: true, force: true });
  await mkdir(work, { recursive: true });
}

/**
 * Runs the CLI under measure-child.mjs and returns its wall time, CPU time and peak RSS.
 * @param {string} cli
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<Measurement>}
 */
async function measureFeedwright(cli, args, cwd) {
  const report = path.join(os.tmpdir(), `feedwright-bench-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const { code, stderr } = await run(process.execPath, [MEASURE_CHILD, report, cli, ...args], cwd);
  const wallSeconds = (performance.now() - started) / 1000;
  const usage = await readJson(report);
  await rm(report, { force: true });
  // 1 means "published with warnings": still a build worth timing.
  if (code !== 0 && code !== 1) fail(`feedwright build exited with ${code} in ${cwd}:\n${tail(stderr)}`);
  if (!usage) fail(`feedwright build did not report its resource use (exit ${code}):\n${tail(stderr)}`);
  return { wallSeconds, cpuSeconds: usage.userSeconds + usage.systemSeconds, peakRssMiB: usage.peakRssMiB, exitCode: code };
}

/**
 * Runs one cold Hugo build of `site` (public/ and caches removed first).
 * @param {string} hugo
 * @param {string} site
 * @param {string | null} timeTool
 * @returns {Promise<Measurement>}
 */
async function measureHugo(hugo, site, timeTool) {
  const destination = path.join(site, "public");
  const cacheDir = path.join(site, ".hugo-cache");
  for (const dir of [destination, cacheDir, path.join(site, "resources")]) await rm(dir, { recursive: true, force: true });
  const hugoArgs = ["--quiet", "--source", site, "--destination", destination, "--cacheDir", cacheDir];
  const report = path.join(os.tmpdir(), `feedwright-bench-hugo-${process.pid}-${Date.now()}.txt`);
  const [command, args] = timeTool ? [timeTool, ["-f", "%e %U %S %M", "-o", report, hugo, ...hugoArgs]] : [hugo, hugoArgs];
  const started = performance.now();
  const { code, stderr } = await run(command, args, site);
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) fail(`hugo exited with ${code} building ${site}:\n${tail(stderr)}`);
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
function measureStartup(cli, runs) {
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
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number; stderr: string }>}
 */
function run(command, args, cwd) {
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

/**
 * Every file under `dir` with what identifies one write of it (mtime in ns, inode, size).
 * @param {string} dir
 * @returns {Promise<Map<string, string>>}
 */
async function snapshot(dir) {
  const files = new Map();
  if (!existsSync(dir)) return files;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const info = await stat(full, { bigint: true });
    files.set(path.relative(dir, full), `${info.mtimeNs}:${info.ino}:${info.size}`);
  }
  return files;
}

/**
 * @param {Map<string, string>} before
 * @param {Map<string, string>} after
 */
function diffSnapshots(before, after) {
  let written = 0;
  let removed = 0;
  for (const [file, id] of after) if (before.get(file) !== id) written++;
  for (const file of before.keys()) if (!after.has(file)) removed++;
  return { written, removed, total: after.size };
}

/**
 * @param {{ written: number; removed: number } | null} changes
 */
function changeCounts(changes) {
  return { filesWritten: changes?.written ?? null, filesRemoved: changes?.removed ?? null };
}

/**
 * @param {CaseResult[]} results
 * @param {{ size: number; median: Measurement; runs: number; articles: number }[]} hugoResults
 */
function formatTable(results, hugoResults) {
  const withHugo = hugoResults.length > 0;
  const header = ["case", "size", "wall s", "cpu s", "peak RSS MiB", "files written", "files removed", "runs"];
  if (withHugo) header.push("x hugo cold");
  const rows = results.map((r) => {
    const row = [r.name, String(r.size), fixed(r.median.wallSeconds, 3), fixed(r.median.cpuSeconds, 3), fixed(r.median.peakRssMiB, 0), count(r.filesWritten), count(r.filesRemoved), String(r.runs)];
    if (withHugo) row.push(r.hugoRatio === null ? "-" : fixed(r.hugoRatio, 3));
    return row;
  });
  for (const h of hugoResults) {
    const row = ["hugo cold", String(h.size), fixed(h.median.wallSeconds, 3), fixed(h.median.cpuSeconds, 3), fixed(h.median.peakRssMiB, 0), "-", "-", String(h.runs), "1.000"];
    rows.push(row);
  }
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  /** @param {string[]} row */
  const line = (row) => "| " + row.map((cell, i) => (i < 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => (i < 1 ? "-".repeat(w + 1) + "-" : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/**
 * @param {number | null} value
 * @param {number} digits
 */
function fixed(value, digits) {
  return value === null || Number.isNaN(value) ? "-" : value.toFixed(digits);
}

/** @param {number | null} value */
function count(value) {
  return value === null ? "-" : String(value);
}

/**
 * Median of each field separately.
 * @param {Measurement[]} runs
 * @returns {Measurement}
 */
function medianMeasurement(runs) {
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

/** @param {number[]} values */
function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

function findHugo() {
  const probe = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return null;
  return { path: "hugo", version: probe.stdout.trim().split(" ").slice(0, 2).join(" ") };
}

/** GNU time, for Hugo's CPU time and peak RSS; without it Hugo gets wall time only. */
function findTimeTool() {
  const probe = spawnSync("/usr/bin/time", ["-f", "%e", "true"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? null : "/usr/bin/time";
}

/** @param {string} cli */
function commandVersion(cli) {
  const probe = spawnSync(process.execPath, [cli, "--version"], { encoding: "utf8" });
  const printed = probe.status === 0 ? probe.stdout.trim() : "";
  return printed || "(--version printed nothing)";
}

/** @param {string} file */
async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
}

/** @param {string} text */
function tail(text) {
  return text.trim().split("\n").slice(-20).join("\n");
}

/** @param {string} message */
function progress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      seed: { type: "string" },
      corpora: { type: "string" },
      cli: { type: "string" },
      "no-hugo": { type: "boolean", default: false },
      json: { type: "string" },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const sizes = quick && !values.sizes ? [QUICK_SIZE] : (values.sizes ?? "1000,10000").split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes must be a comma-separated list of positive whole numbers, such as 1000,10000; got "${values.sizes}".`);
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  if (!Number.isInteger(rounds) || rounds < 1) fail(`--rounds must be a positive whole number; got "${values.rounds}".`);
  const seed = Number(values.seed ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number; got "${values.seed}".`);
  return {
    quick,
    sizes,
    rounds,
    seed,
    corpora: path.resolve(values.corpora ?? path.join(REPO_ROOT, "bench", "corpora")),
    cli: values.cli ?? path.join(REPO_ROOT, "dist", "cli.js"),
    hugo: !values["no-hugo"],
    json: values.json ?? null,
  };
}

try {
  await main();
} catch (error) {
  fail(`the benchmark stopped: ${error instanceof Error ? error.message : String(error)}`);
}
