import path from "node:path";
import { watch } from "chokidar";
import { isIgnoredFileName } from "./ignored-paths.js";

/** How long to wait after the last change before reacting: long enough to gather an editor's save or a `git pull`. */
export const DEFAULT_DEBOUNCE_MS = 200;

/** Options for watchForChanges. */
export interface WatchOptions {
  /** Files and folders to watch (folders recursively). */
  paths: string[];
  debounceMs?: number;
  /** Called with the changed paths (absolute, sorted, each once) after a quiet period. */
  onChange: (changed: string[]) => Promise<void> | void;
  /** Extra paths to leave alone, on top of temp, swap and hidden files. */
  ignored?: (path: string) => boolean;
  /** Receives errors from onChange and the watcher; the watch goes on. Defaults to console.error. */
  onError?: (error: unknown) => void;
}

/** A running watch. */
export interface Watch {
  /** Stops watching; resolves after a running onChange call has finished. */
  close(): Promise<void>;
}

/**
 * Watches files and folders and calls `onChange` once per burst of changes
 * (debounced), with the list of paths that changed. Calls never overlap:
 * changes that arrive while `onChange` runs are gathered and delivered in
 * one more call after it finishes. Temporary files, editors' swap files and
 * dotfiles are ignored. Resolves once the initial scan is done, so any
 * change after that is seen.
 */
export async function watchForChanges(options: WatchOptions): Promise<Watch> {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const reportError = options.onError ?? ((error: unknown) => console.error(error instanceof Error ? error.message : error));
  const roots = options.paths.map((p) => path.resolve(p));
  // A watched root or its parents may themselves look hidden or temporary (e.g. under ~/.config or /tmp); never ignore those.
  const isRootOrAncestor = (p: string) => roots.some((root) => root === p || root.startsWith(p + path.sep));
  const isIgnored = (p: string) => {
    const absolute = path.resolve(p);
    if (isRootOrAncestor(absolute)) return false;
    return isIgnoredFileName(absolute) || (options.ignored?.(absolute) ?? false);
  };

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const flush = () => {
    timer = undefined;
    if (running || closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending.clear();
    running = (async () => {
      try {
        await options.onChange(changed);
      } catch (error) {
        reportError(error);
      }
    })().finally(() => {
      running = undefined;
      // Changes that came in during the run get exactly one more call.
      if (pending.size > 0 && !closed) schedule();
    });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watcher = watch(roots, {
    ignoreInitial: true,
    ignored: (p: string) => isIgnored(p),
    // Editors that save by write-to-temp-then-rename would otherwise show up as unlink + add.
    atomic: true,
  });
  watcher.on("all", (_event, changedPath) => {
    if (closed) return;
    pending.add(path.resolve(changedPath));
    // While onChange runs, keep gathering; the run's end schedules the next call.
    if (!running) schedule();
  });
  watcher.on("error", reportError);

  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
