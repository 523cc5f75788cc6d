import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as WorkerPool from "../../src/pipeline/worker-pool.js";
import { fileVersions } from "../../src/publish/build-state.js";
import { runCli } from "../helpers/cli.js";
import { makeFixture, repoRoot, writeFiles } from "../helpers/fixture.js";
import { loadBuiltLibrary } from "../helpers/generated-site.js";

/** Threads run compiled code, so this drives dist/ (built by `npm ci` / `npm run build:ts`), as the CLI tests do. */
async function compiledWorkerPool(): Promise<typeof WorkerPool> {
  const file = path.join(repoRoot, "dist", "pipeline", "worker-pool.js");
  if (!existsSync(file)) throw new Error("dist/ is missing: run `npm run build:ts` before the tests");
  return (await import(pathToFileURL(file).href)) as typeof WorkerPool;
}

const CONFIG = { title: "t" } as unknown as Parameters<typeof WorkerPool.startWarmWorker>[1];

describe("a warm derive thread", () => {
  it("stats files as fileVersions does (null for missing files and folders), then stops", async () => {
    const { startWarmWorker } = await compiledWorkerPool();
    const dir = await makeFixture();
    await mkdir(path.join(dir, "folder"));
    const files: string[] = [];
    for (let index = 0; index < 50; index++) {
      const file = path.join(dir, `f${index}.txt`);
      if (index % 3 !== 1) await writeFile(file, "x".repeat(index));
      files.push(index % 7 === 5 ? path.join(dir, "folder") : file);
    }
    const warm = startWarmWorker(dir, CONFIG, undefined, 2);
    expect(warm).not.toBeNull();
    const versions = await warm!.stat(files);
    expect(versions).toEqual(fileVersions(files));
    expect(versions.filter((version) => version === null).length).toBeGreaterThan(15);
    await warm!.stop();
    expect(warm!.take()).toBeUndefined();
  });

  it("is not started when one thread is asked for", async () => {
    const { startWarmWorker } = await compiledWorkerPool();
    expect(startWarmWorker(repoRoot, CONFIG, undefined, 1)).toBeNull();
  });

  it("answers a stat asked after it stopped by stat'ing in this thread", async () => {
    const { startWarmWorker } = await compiledWorkerPool();
    const dir = await makeFixture({ "a.txt": "a" });
    const warm = startWarmWorker(dir, CONFIG, undefined, 2)!;
    const thread = warm.take()!;
    await thread.terminate();
    const files = [path.join(dir, "a.txt"), path.join(dir, "missing.txt")];
    expect(await warm.stat(files)).toEqual(fileVersions(files));
  });
});

/** The threads of this process (Linux: /proc/self/task); null elsewhere. */
function threadCount(): number | null {
  try {
    return readdirSync("/proc/self/task").length;
  } catch {
    return null;
  }
}

/** Waits until the process has at most `count` threads (a terminated thread is joined a moment after its exit event). */
async function settleThreads(count: number): Promise<number | null> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const now = threadCount();
    if (now === null || now <= count) return now;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return threadCount();
}

describe("a build with two threads", () => {
  it.runIf(threadCount() !== null)("leaves no thread running, whether it had nothing to do or had work", async () => {
    const { build } = await loadBuiltLibrary();
    const dir = await makeFixture({
      "feedwright.config.json": JSON.stringify({ title: "Warm", siteUrl: "https://warm.example/", timeZone: "UTC", settleSeconds: 0 }),
      "articles/2024-01-02-one.md": "---\ntitle: One\ndate: 2024-01-02T10:00:00Z\n---\nBody one.\n",
      "articles/2024-01-03-two.md": "---\ntitle: Two\ndate: 2024-01-03T10:00:00Z\n---\nBody two.\n",
    });
    const now = Date.parse("2025-01-01T00:00:00Z");
    const first = await build({ cwd: dir, now, workers: 2 });
    expect(first.upToDate).toBe(false);
    const before = await settleThreads(Number.POSITIVE_INFINITY);
    for (let round = 0; round < 3; round++) {
      const again = await build({ cwd: dir, now, workers: 2 });
      expect(again.upToDate).toBe(true);
    }
    expect(await settleThreads(before!)).toBeLessThanOrEqual(before!);
    await writeFile(path.join(dir, "articles/2024-01-03-two.md"), "---\ntitle: Two, edited\ndate: 2024-01-03T10:00:00Z\n---\nBody two.\n");
    const edited = await build({ cwd: dir, now, workers: 2 });
    expect(edited.upToDate).toBe(false);
    expect(edited.files.written).toContain("index.html");
    expect(await settleThreads(before!)).toBeLessThanOrEqual(before!);
  });
});

describe("the command's incremental runs with a warm thread", () => {
  // The thread is stopped while it may still owe an answer (the output stats): a run used to
  // exit 13 ("unsettled top-level await") there, before publishing, most times.
  it("finish and publish each time: edits derived ahead, a deletion, an addition", async () => {
    const dir = await makeFixture({
      "feedwright.config.json": JSON.stringify({ title: "Warm", siteUrl: "https://warm.example/", timeZone: "UTC", settleSeconds: 0 }),
      "articles/2024-01-02-one.md": "---\ntitle: One\ndate: 2024-01-02T10:00:00Z\n---\nBody one.\n",
      "articles/2024-01-03-two.md": "---\ntitle: Two\ndate: 2024-01-03T10:00:00Z\n---\nBody two.\n",
    });
    const env = { FEEDWRIGHT_WORKERS: "2" };
    const run = async () => {
      const result = await runCli(["build", "--json", "--now", "2025-01-01T00:00:00Z"], dir, env);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as { written: string[]; removed: string[]; upToDate: boolean };
    };
    await run();
    const rss = () => readFile(path.join(dir, "out", "rss.xml"), "utf8");
    for (let round = 0; round < 4; round++) {
      await writeFiles(dir, { "articles/2024-01-03-two.md": `---\ntitle: Two, round ${round}\ndate: 2024-01-03T10:00:00Z\n---\nBody two.\n` });
      const edited = await run();
      expect(edited.upToDate).toBe(false);
      expect(edited.written).toContain("rss.xml");
      expect(await rss()).toContain(`Two, round ${round}`);
    }
    await rm(path.join(dir, "articles/2024-01-02-one.md"));
    expect((await run()).removed).toContain("2024/01/02/one/index.html");
    await writeFiles(dir, { "articles/2024-01-04-three.md": "---\ntitle: Three\ndate: 2024-01-04T10:00:00Z\n---\nBody three.\n" });
    expect((await run()).written).toContain("2024/01/04/three/index.html");
  });
});
