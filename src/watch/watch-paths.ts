import { existsSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE_NAMES } from "../config/load-config.js";

/** What a watched build depends on. */
export interface WatchPathsInput {
  cwd: string;
  /** The `--config` value, if given. */
  configFile?: string;
  /** The articles folder, absolute. */
  articlesDir: string;
}

/**
 * Returns the paths a rebuild depends on: the articles folder and the config
 * file (the one given, else whichever of CONFIG_FILE_NAMES exists in `cwd`,
 * the same search loadConfig makes).
 */
export function watchPathsFor(input: WatchPathsInput): string[] {
  const configFiles = input.configFile
    ? [path.resolve(input.cwd, input.configFile)]
    : CONFIG_FILE_NAMES.map((name) => path.join(input.cwd, name)).filter((file) => existsSync(file));
  return [path.resolve(input.articlesDir), ...configFiles];
}

/**
 * Returns a predicate that is true for `dir` and everything under it. Used to
 * keep the watcher off the output folder when it sits inside the articles
 * folder, which would otherwise rebuild forever.
 */
export function insideFolder(dir: string): (candidate: string) => boolean {
  const root = path.resolve(dir);
  return (candidate) => {
    const resolved = path.resolve(candidate);
    return resolved === root || resolved.startsWith(root + path.sep);
  };
}
