import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import { insideFolder, watchPathsFor } from "../watch/watch-paths.js";
import { runServe, type RunningServe } from "./run-serve.js";
import { ListenError } from "./start-server.js";

/** What `feedwright serve` was asked to do. */
export interface ServeCommandOptions {
  cwd: string;
  /** `--config` */
  configFile?: string;
  /** `--articles` */
  articlesDir?: string;
  /** `--dir`: the folder to serve and build into; defaults to the config's outDir. */
  dir?: string;
  host?: string;
  port?: number;
  watch: boolean;
  /** Builds into `outDir` with `siteUrl` as the site's address, and reports the result. */
  build: (target: { outDir: string; siteUrl: string }) => Promise<void>;
  /** Status lines: where it serves, what changed, how rebuilds went. */
  log: (line: string) => void;
  /** One line per request; none when omitted. */
  requestLog?: (line: string) => void;
}

/**
 * Runs `feedwright serve`: finds the folders from the config (so a bad config
 * fails before anything starts), then serves, builds for the served address,
 * and with `watch` rebuilds on every change. Resolves once it is serving.
 */
export async function serveCommand(options: ServeCommandOptions): Promise<RunningServe> {
  const loaded = await loadConfig({
    cwd: options.cwd,
    ...(options.configFile ? { file: options.configFile } : {}),
    overrides: {
      articlesDir: options.articlesDir === undefined ? undefined : path.resolve(options.cwd, options.articlesDir),
      outDir: options.dir === undefined ? undefined : path.resolve(options.cwd, options.dir),
    },
  });
  const outDir = loaded.outDir;
  try {
    return await runServe({
      dir: outDir,
      host: options.host,
      port: options.port,
      watch: options.watch,
      watchPaths: watchPathsFor({ cwd: options.cwd, configFile: options.configFile, articlesDir: loaded.articlesDir }),
      ignored: insideFolder(outDir),
      build: (siteUrl) => options.build({ outDir, siteUrl }),
      log: options.log,
      requestLog: options.requestLog,
    });
  } catch (error) {
    // A busy or forbidden port is a matter of flags, like any other usage mistake.
    if (error instanceof ListenError) throw new UsageError(error.message);
    throw error;
  }
}
