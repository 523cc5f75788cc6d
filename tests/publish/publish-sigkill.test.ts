import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TEMP_FILE_PATTERN } from "../../src/publish/atomic-write.js";
import { MANIFEST_FILE } from "../../src/publish/manifest.js";
import { publishFiles } from "../../src/publish/publish-files.js";
import { assertCompiled, helperScript } from "./helpers/compiled.js";
import { fileContent, siteFiles, sitePaths } from "./helpers/site-versions.mjs";
import { listFiles, makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

const PAGE_COUNT = 1_500;
const KILLS = 6;

/** A small seeded PRNG, so a failing run can be replayed with FEEDWRIGHT_SIGKILL_SEED. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the publishing loop, kills it with SIGKILL after `delayMs`, and resolves once it is gone. */
async function publishThenKill(outDir: string, firstVersion: string, delayMs: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [helperScript("publish-loop.mjs"), outDir, String(PAGE_COUNT), firstVersion], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Checks every file in `outDir` is whole; returns which versions were seen and how many temp files remain. */
async function checkEveryFileWhole(outDir: string): Promise<{ versions: Set<string>; tempFiles: number }> {
  const expected = new Set<string>(sitePaths(PAGE_COUNT));
  const versions = new Set<string>();
  let tempFiles = 0;
  for (const relPath of await listFiles(outDir)) {
    const base = path.posix.basename(relPath);
    if (TEMP_FILE_PATTERN.test(base)) {
      tempFiles++; // never served under the real name; cleaned by the next run
      continue;
    }
    const content = await fs.readFile(path.join(outDir, relPath), "utf8");
    if (relPath === MANIFEST_FILE) {
      expect(JSON.parse(content).version, "manifest is whole JSON").toBe(1);
      continue;
    }
    expect(expected.has(relPath), `unexpected file ${relPath}`).toBe(true);
    const version = content.slice(0, 1);
    expect(content === fileContent("A", relPath) || content === fileContent("B", relPath), `${relPath} is whole`).toBe(true);
    versions.add(version);
  }
  return { versions, tempFiles };
}

describe("publishFiles under SIGKILL", () => {
  beforeAll(() => assertCompiled("publish-files", "atomic-write", "manifest", "remove-stale", "publish-order", "safe-path", "lock"));

  it("leaves every file whole, either as before or as after, at any kill point", async () => {
    const seed = Number(process.env.FEEDWRIGHT_SIGKILL_SEED ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    const outDir = path.join(await makeTempDir(created), "out");
    let interruptedRuns = 0;

    // Start from a complete site, so every kill interrupts a change from one whole version to the other.
    await publishFiles(outDir, siteFiles("A", PAGE_COUNT));
    for (let kill = 0; kill < KILLS; kill++) {
      const delayMs = 120 + Math.floor(random() * 1_400);
      const signal = await publishThenKill(outDir, kill % 2 === 0 ? "B" : "A", delayMs);
      expect(signal, `child ended by SIGKILL (seed ${seed})`).toBe("SIGKILL");
      const { versions, tempFiles } = await checkEveryFileWhole(outDir);
      // Temp files left behind, or files of both versions at once, show this kill landed mid-publish.
      if (tempFiles > 0 || versions.size === 2) interruptedRuns++;
    }
    // Most kills must land mid-publish, or the test would not be testing anything.
    expect(interruptedRuns, `kills that landed mid-publish (seed ${seed})`).toBeGreaterThanOrEqual(KILLS / 2);

    // The next run finishes the job and clears the dead runs' temp files.
    await publishFiles(outDir, siteFiles("A", PAGE_COUNT));
    const files = await listFiles(outDir);
    expect(files.filter((f) => TEMP_FILE_PATTERN.test(path.posix.basename(f)))).toEqual([]);
    expect(files).toEqual([...sitePaths(PAGE_COUNT), MANIFEST_FILE].sort());
    expect(await checkEveryFileWhole(outDir)).toEqual({ versions: new Set(["A"]), tempFiles: 0 });
  }, 60_000);
});
