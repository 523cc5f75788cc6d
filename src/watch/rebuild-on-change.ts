import path from "node:path";
import { watchForChanges, type Watch } from "./watch-articles.js";

/** Options for rebuildOnChange. */
export interface RebuildOnChangeOptions {
  /** The articles folder and the config file (anything whose change should trigger a build). */
  paths: string[];
  /** Runs one build; `changed` lists the paths that triggered it. Errors are logged, and watching goes on. */
  rebuild: (changed: string[]) => Promise<void>;
  log: (line: string) => void;
  debounceMs?: number;
  /** Extra paths to leave alone, e.g. the output folder when it sits inside the articles folder. */
  ignored?: (path: string) => boolean;
  /** Base for the paths printed in log lines; defaults to the current directory. */
  cwd?: string;
}

/** How many changed paths to name in one log line before summarising. */
export const MAX_NAMED_CHANGES = 5;

/** Makes the "what changed" part of a log line: a few relative paths, then a count. */
export function describeChanges(changed: readonly string[], cwd: string): string {
  const names = changed.map((p) => path.relative(cwd, p) || ".");
  const shown = names.slice(0, MAX_NAMED_CHANGES).join(", ");
  return names.length > MAX_NAMED_CHANGES ? `${shown} and ${names.length - MAX_NAMED_CHANGES} more` : shown;
}

function errorSentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Watches articles and config and runs `rebuild` after each burst of changes,
 * printing what changed and how the build went. Builds never overlap (see
 * watchForChanges). A failed build is reported and the previous output stays
 * in place (publishing is atomic), so a server goes on serving the old files.
 */
export async function rebuildOnChange(options: RebuildOnChangeOptions): Promise<Watch> {
  const cwd = options.cwd ?? process.cwd();
  const watch = await watchForChanges({
    paths: options.paths,
    debounceMs: options.debounceMs,
    ignored: options.ignored,
    onError: (error) => options.log(`Watch error: ${errorSentence(error)}`),
    onChange: async (changed) => {
      options.log(`Changed: ${describeChanges(changed, cwd)}. Rebuilding...`);
      const started = performance.now();
      try {
        await options.rebuild(changed);
        options.log(`Rebuilt in ${Math.round(performance.now() - started)} ms.`);
      } catch (error) {
        options.log(`Rebuild failed: ${errorSentence(error).replace(/\.?$/, ".")} The previous output is unchanged; fix the problem and save again.`);
      }
    },
  });
  options.log(`Watching ${describeChanges(options.paths.map((p) => path.resolve(p)), cwd)} for changes.`);
  return watch;
}
