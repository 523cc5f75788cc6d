import path from "node:path";
import { rebuildOnChange } from "../watch/rebuild-on-change.js";
import type { Watch } from "../watch/watch-articles.js";
import { startServer, type RunningServer } from "./start-server.js";

/** Options for runServe (what `feedwright serve` does). */
export interface RunServeOptions {
  /** The output folder to serve. */
  dir: string;
  host?: string;
  port?: number;
  /** Rebuild when `watchPaths` change. */
  watch?: boolean;
  /** The articles folder and the config file. */
  watchPaths?: string[];
  /**
   * Builds the site with `siteUrl` replacing the configured one, so links in
   * the feeds point at this server and a local reader can follow them.
   * Called once at start and, with --watch, after each change.
   * When omitted, `dir` is served as it is.
   */
  build?: (siteUrl: string) => Promise<void>;
  /** Status lines: where it serves, what changed, how builds went. */
  log: (line: string) => void;
  /** One line per request; none when omitted. */
  requestLog?: (line: string) => void;
  debounceMs?: number;
  /** Extra paths the watcher should ignore. */
  ignored?: (path: string) => boolean;
}

/** A running `serve`: its address and one function that stops everything. */
export interface RunningServe {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the server, builds once for the served address, and with `watch`
 * rebuilds on every change. The server starts first because the build needs
 * its address (the port may be chosen by the system). A failed first build
 * is reported but does not stop the server: with --watch the next save may
 * fix it.
 */
export async function runServe(options: RunServeOptions): Promise<RunningServe> {
  const server: RunningServer = await startServer({ dir: options.dir, host: options.host, port: options.port, log: options.requestLog });
  const build = options.build;
  let watch: Watch | undefined;
  try {
    if (build) {
      try {
        await build(server.url);
      } catch (error) {
        options.log(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (options.watch && build) {
      watch = await rebuildOnChange({
        paths: options.watchPaths ?? [],
        rebuild: () => build(server.url),
        log: options.log,
        debounceMs: options.debounceMs,
        ignored: options.ignored,
      });
    }
  } catch (error) {
    await server.close();
    throw error;
  }
  options.log(`Serving ${path.relative(process.cwd(), options.dir) || "."} at ${server.url} (press Ctrl+C to stop).`);
  return {
    url: server.url,
    async close() {
      await watch?.close();
      await server.close();
    },
  };
}
