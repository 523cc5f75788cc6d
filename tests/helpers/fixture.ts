import { cp, mkdtemp, mkdir, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A moment well in the past: fixture files are dated to it so none looks "still being written". */
export const SETTLED_MTIME = new Date("2020-01-01T00:00:00Z");

/**
 * Makes a temporary folder holding `files` (relative path -> content), every file dated
 * SETTLED_MTIME; removed after each test.
 */
export async function makeFixture(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "feedwright-test-"));
  created.push(dir);
  await writeFiles(dir, files);
  return dir;
}

/** Writes files into `dir` and dates them SETTLED_MTIME. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    await utimes(target, SETTLED_MTIME, SETTLED_MTIME);
  }
}

/** Copies a committed folder (relative to the repository root) into a new temporary folder, files dated SETTLED_MTIME. */
export async function copyFixture(relativeToRepo: string): Promise<string> {
  const dir = await makeFixture();
  await cp(path.join(repoRoot, relativeToRepo), dir, { recursive: true });
  await backdate(dir);
  return dir;
}

async function backdate(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) await utimes(path.join(entry.parentPath, entry.name), SETTLED_MTIME, SETTLED_MTIME);
  }
}

/** The repository root, for reading committed files such as articles/ and the default config. */
export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** The shared folder beside the repository (read-only real-world inputs), which may be absent. */
export const sharedDir = path.resolve(repoRoot, "..", "shared");
