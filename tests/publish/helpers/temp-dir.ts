import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Makes a fresh temp dir; pair with {@link removeTempDirs} in afterEach. */
export async function makeTempDir(created: string[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "feedwright-publish-"));
  created.push(dir);
  return dir;
}

/** Removes every dir `makeTempDir` recorded in `created`. */
export async function removeTempDirs(created: string[]): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
}

/** Every file below `dir` (relative, `/`-separated, sorted), dotfiles included. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}
