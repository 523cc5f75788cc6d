import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Makes a temporary folder holding `files` (relative path -> content); removed after each test. */
export async function makeFixture(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "feedwright-test-"));
  created.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return dir;
}

/** The repository root, for reading committed files such as articles/ and the default config. */
export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** The shared folder beside the repository (read-only real-world inputs), which may be absent. */
export const sharedDir = path.resolve(repoRoot, "..", "shared");
