// @ts-check
/**
 * The targets of issue 8, as data, and their verdicts on one benchmark run.
 * They are meant for a 2-core machine; times are compared as ratios, so they travel.
 */

/**
 * @typedef {object} Target
 * @property {string} case the case name, or "start-up"
 * @property {number | null} size corpus size it applies to; null for every size
 * @property {"hugoRatio" | "peakRssMiB" | "filesWritten" | "growthFrom10000" | "startupSeconds"} metric
 * @property {number} max
 * @property {string} unit how to print the value
 */

/** @type {readonly Target[]} */
export const TARGETS = Object.freeze([
  { case: "cold", size: 10000, metric: "hugoRatio", max: 0.3, unit: "x Hugo cold" },
  { case: "cold", size: 10000, metric: "peakRssMiB", max: 300, unit: "MiB peak RSS" },
  { case: "no-change", size: 10000, metric: "hugoRatio", max: 0.04, unit: "x Hugo cold" },
  { case: "no-change", size: null, metric: "filesWritten", max: 0, unit: "files written" },
  { case: "one-edited", size: 10000, metric: "hugoRatio", max: 0.08, unit: "x Hugo cold" },
  { case: "one-added", size: 10000, metric: "hugoRatio", max: 0.08, unit: "x Hugo cold" },
  { case: "cold", size: 100000, metric: "peakRssMiB", max: 1024, unit: "MiB peak RSS" },
  { case: "cold", size: 100000, metric: "growthFrom10000", max: 11, unit: "x the 10000 cold build" },
  { case: "start-up", size: null, metric: "startupSeconds", max: 0.15, unit: "s for --version and --help" },
]);

/**
 * One line per target that this run measured: the value, the limit, and "met" or "MISSED".
 * Targets whose inputs were not measured (a size not run, no Hugo) are left out.
 * @param {import("./run.mjs").CaseResult[]} results
 * @param {{ version: number; help: number }} startup
 * @returns {string[]}
 */
export function targetVerdicts(results, startup) {
  const lines = [];
  for (const target of TARGETS) {
    if (target.metric === "startupSeconds") {
      const value = Math.max(startup.version, startup.help);
      lines.push(verdict(`start-up`, value, target, 3));
      continue;
    }
    for (const result of results) {
      if (result.name !== target.case || (target.size !== null && result.size !== target.size)) continue;
      const value = metricValue(target, result, results);
      if (value === null) continue;
      lines.push(verdict(`${result.name} ${result.size}`, value, target, target.metric === "hugoRatio" ? 3 : target.metric === "growthFrom10000" ? 2 : 0));
    }
  }
  return lines;
}

/**
 * @param {Target} target
 * @param {import("./run.mjs").CaseResult} result
 * @param {import("./run.mjs").CaseResult[]} results
 * @returns {number | null}
 */
function metricValue(target, result, results) {
  switch (target.metric) {
    case "hugoRatio":
      return result.hugoRatio;
    case "peakRssMiB":
      return result.median.peakRssMiB;
    case "filesWritten":
      return result.filesWritten;
    case "growthFrom10000": {
      const base = results.find((r) => r.name === "cold" && r.size === 10000);
      return base ? result.median.wallSeconds / base.median.wallSeconds : null;
    }
    default:
      return null;
  }
}

/**
 * @param {string} label
 * @param {number} value
 * @param {Target} target
 * @param {number} digits
 */
function verdict(label, value, target, digits) {
  const met = value <= target.max;
  return `${met ? "met   " : "MISSED"} ${label}: ${value.toFixed(digits)} ${target.unit} (target <= ${target.max})`;
}
