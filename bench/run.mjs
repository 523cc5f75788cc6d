#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: times `feedwright build` as a whole process on generated corpora
 * (cold, no change, one edited, one added, one deleted) and, when `hugo` is on PATH,
 * against a minimal Hugo site built from the same corpus, measured alternately.
 *
 * Options (after `npm run bench --`):
 *   --sizes 1000,10000   corpus sizes (default 1000,10000; 100000 works too)
 *   --quick              CI-sized run: 50 articles, one round
 *   --rounds N           cold and no-change builds per size, median reported (default 3)
 *   --seed N             corpus seed (default 20211019)
 *   --corpora DIR        where corpora and work folders live (default bench/corpora)
 *   --cli PATH           the feedwright CLI module to run (default dist/bundle/cli.js)
 *   --no-hugo            skip Hugo even when it is installed
 *   --hugo CMD           the Hugo command (default "hugo" on PATH)
 *   --json FILE          also write every measurement as JSON
 */
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatTable } from "./format-table.mjs";
import { addOne, deleteOne, editOne, listArticleFiles } from "./generate-corpus.mjs";
import { commandVersion, findHugo, findTimeTool, measureFeedwright, measureHugo, measureStartup, medianMeasurement } from "./measure.mjs";
import { diffSnapshots, snapshot } from "./out-snapshot.mjs";
import { ensureCorpus, ensureHugoSite } from "./prepare-corpus.mjs";
import { targetVerdicts } from "./targets.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_SEED = 20211019;
const QUICK_SIZE = 50;

/** What the site config for every benchmark build holds. */
// settleSeconds 0: the harness edits files and builds at once; a settle time would hold the edit back.
const BENCH_CONFIG = Object.freeze({ title: "feedwright bench", siteUrl: "https://bench.example/", timeZone: "UTC", feedLimit: 20, settleSeconds: 0 });

/** @typedef {import("./measure.mjs").Measurement} Measurement */

/**
 * @typedef {object} CaseResult
 * @property {string} name
 * @property {number} size
 * @property {import("./measure.mjs").Measurement} median
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
  const hugo = options.useHugo ? findHugo(options.hugoCommand) : null;
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
  if (!options.useHugo) out.push("hugo skipped (--no-hugo): ratios skipped");
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
  // Config, output and working directory all live in work/, which a cold build wipes: wherever
  // feedwright keeps a cache (next to its config, in its cwd, in out/), a cold build starts without it.
  const configFile = path.join(work, "feedwright.config.json");
  const regenerated = await ensureCorpus(base, articles, size, options.seed, progress);

  let hugoSite = null;
  if (options.hugo) {
    hugoSite = path.join(options.corpora, `${size}-hugo`);
    const skipped = await ensureHugoSite(hugoSite, articles, { size, seed: options.seed, force: regenerated, config: BENCH_CONFIG });
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
    await resetWork(work, articles, configFile);
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
 * Empties the work folder (output, config, any cache) and writes the config again, so the next build is cold.
 * @param {string} work
 * @param {string} articles
 * @param {string} configFile
 */
async function resetWork(work, articles, configFile) {
  await rm(work, { recursive: true, force: true });
  await rm(path.join(articles, ".feedwright-cache"), { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(configFile, JSON.stringify(BENCH_CONFIG, null, 2) + "\n");
}

/**
 * @param {{ written: number; removed: number } | null} changes
 */
function changeCounts(changes) {
  return { filesWritten: changes?.written ?? null, filesRemoved: changes?.removed ?? null };
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
      hugo: { type: "string" },
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
    cli: values.cli ?? path.join(REPO_ROOT, "dist", "bundle", "cli.js"),
    useHugo: !values["no-hugo"],
    hugoCommand: values.hugo ?? "hugo",
    json: values.json ?? null,
  };
}

try {
  await main();
} catch (error) {
  fail(`the benchmark stopped: ${error instanceof Error ? error.message : String(error)}`);
}
