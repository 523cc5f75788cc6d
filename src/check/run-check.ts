import { stat } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import { checkFeeds, type CheckReport } from "./check-feeds.js";

export interface RunCheckOptions {
  cwd: string;
  /** Folder to check; default: the config's `outDir` when a config file is found, else `out`. */
  dir?: string;
  configFile?: string;
  /** Overrides the site URL self links are compared with. */
  siteUrl?: string;
  /** Warnings fail the check too. */
  strict?: boolean;
}

export interface RunCheckResult {
  report: CheckReport;
  /** `file: severity: message` lines, file paths as the user would type them. */
  lines: string[];
  summary: string;
  /** 0 when clean (or only warnings without `strict`), 1 otherwise. */
  exitCode: 0 | 1;
}

/**
 * What `feedwright check [DIR]` does, minus printing: finds the folder (DIR, else the config's
 * `outDir`), checks its feeds, and formats the findings. Self links are compared with the
 * config's `siteUrl` when a config file is found (or `siteUrl` is given), else with the
 * address the top-level feeds claim. Throws `UsageError` when the folder has no feeds.
 */
export async function runCheck(options: RunCheckOptions): Promise<RunCheckResult> {
  const loaded = await loadConfig({ cwd: options.cwd, ...(options.configFile ? { file: options.configFile } : {}) });
  const dir = options.dir ? path.resolve(options.cwd, options.dir) : loaded.outDir;
  const shown = path.relative(options.cwd, dir) || ".";
  const isFolder = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new UsageError(`there is no folder ${shown} to check: run "feedwright build" first, or pass the output folder (feedwright check DIR).`);
  const siteUrl = options.siteUrl ?? (loaded.file ? loaded.config.siteUrl : undefined);
  const report = await checkFeeds(dir, siteUrl ? { siteUrl } : {});
  if (report.files.length === 0) throw new UsageError(`found no feeds (rss.xml, atom.xml, feed.json) in ${shown}: pass the folder "feedwright build" wrote.`);
  const lines = report.problems.map((problem) => `${path.join(shown, problem.file)}: ${problem.severity}: ${problem.message}`);
  const failed = report.errors > 0 || (options.strict === true && report.warnings > 0);
  const summary =
    `feedwright check: ${report.files.length} feed${report.files.length === 1 ? "" : "s"} in ${shown}, ` +
    `${report.errors} error${report.errors === 1 ? "" : "s"}, ${report.warnings} warning${report.warnings === 1 ? "" : "s"}` +
    (failed ? "" : report.warnings > 0 ? " (warnings pass without --strict)" : ": all valid");
  return { report, lines, summary, exitCode: failed ? 1 : 0 };
}
