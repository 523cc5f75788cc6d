// @ts-check
/**
 * The Markdown table `npm run bench` prints.
 */

/**
 * One row per case and size, then Hugo's cold builds; a ratio column when Hugo ran.
 * @param {import("./run.mjs").CaseResult[]} results
 * @param {{ size: number; median: import("./measure.mjs").Measurement; runs: number; articles: number }[]} hugoResults
 */
export function formatTable(results, hugoResults) {
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
