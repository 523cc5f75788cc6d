import path from "node:path";
import type { BuildSummary } from "../build.js";

/** One `path:line: reason` line per problem, paths relative to the current folder. */
export function problemLines(summary: BuildSummary, items = [...summary.skipped, ...summary.warnings]): string[] {
  return items.map((problem) => {
    const file = path.relative(process.cwd(), path.join(summary.articlesDir, problem.file)) || problem.file;
    return `${file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
  });
}

/** The one line a person sees at the end of a run on a terminal. */
export function summaryLine(summary: BuildSummary): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (summary.refused) {
    return `feedwright: nothing written: --strict and ${count(summary.skipped.length + summary.warnings.length, "problem")} (listed above)`;
  }
  const parts = [
    `published ${count(summary.published.length, "article")} (${summary.feedItems} in the feeds)`,
    `${count(summary.files.written.length, "file")} written, ${summary.files.unchanged.length} unchanged${summary.files.removed.length > 0 ? `, ${summary.files.removed.length} removed` : ""}`,
  ];
  if (summary.skipped.length > 0) parts.push(`${count(summary.skipped.length, "problem")} in skipped files`);
  if (summary.warnings.length > 0) parts.push(count(summary.warnings.length, "warning"));
  if (summary.pending.length > 0) parts.push(`${summary.pending.length} still being written`);
  if (summary.drafts.length > 0) parts.push(`${count(summary.drafts.length, "draft")} held back`);
  if (summary.scheduled.length > 0) parts.push(`${summary.scheduled.length} scheduled`);
  return `feedwright: ${parts.join("; ")} in ${(summary.timings.total / 1000).toFixed(2)} s -> ${path.relative(process.cwd(), summary.outDir) || "."}`;
}

/** The machine-readable report printed by `--json`: stable keys, paths relative to their folders. */
export function jsonReport(summary: BuildSummary, exitCode: number): string {
  return `${JSON.stringify(
    {
      exitCode,
      articlesDir: summary.articlesDir,
      outDir: summary.outDir,
      published: summary.published,
      feedItems: summary.feedItems,
      unchanged: summary.files.unchanged,
      written: summary.files.written,
      removed: summary.files.removed,
      drafts: summary.drafts,
      scheduled: summary.scheduled,
      skipped: summary.skipped,
      warnings: summary.warnings,
      pending: summary.pending,
      refused: summary.refused,
      websub: summary.websub,
      upToDate: summary.upToDate,
      patched: summary.patched,
      cache: summary.cache,
      workers: summary.workers,
      timings: summary.timings,
    },
    null,
    2,
  )}\n`;
}

/**
 * A progress bar on standard error, for terminals and folders large enough to wait on.
 * Redraws at most every 100 ms; `finish` clears the line.
 */
export function progressBar(stream: NodeJS.WriteStream, minimumTotal = 500): { update(done: number, total: number): void; finish(): void } {
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY || total < minimumTotal) return;
      const now = Date.now();
      if (done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files read`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\u001b[2K");
    },
  };
}
