import { rebuildOnChange } from "./rebuild-on-change.js";
import type { Watch } from "./watch-articles.js";
import { insideFolder, watchPathsFor } from "./watch-paths.js";

/** Options for startBuildWatch (what `feedwright build --watch` does after its first build). */
export interface BuildWatchOptions {
  cwd: string;
  /** The `--config` value, if given. */
  configFile?: string;
  /** Absolute folders, as the first build resolved them. */
  articlesDir: string;
  outDir: string;
  /** Runs and reports one build. */
  rebuild: () => Promise<void>;
  log: (line: string) => void;
  debounceMs?: number;
}

/**
 * Watches the articles folder and the config file and rebuilds after each
 * burst of changes, never watching the output folder itself. The caller
 * stops it with `close()` (the CLI does so on SIGINT/SIGTERM).
 */
export async function startBuildWatch(options: BuildWatchOptions): Promise<Watch> {
  return rebuildOnChange({
    paths: watchPathsFor({ cwd: options.cwd, configFile: options.configFile, articlesDir: options.articlesDir }),
    ignored: insideFolder(options.outDir),
    rebuild: options.rebuild,
    log: options.log,
    debounceMs: options.debounceMs,
    cwd: options.cwd,
  });
}
