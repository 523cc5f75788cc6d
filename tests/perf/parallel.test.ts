import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Library from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { SETTLED_MTIME } from "../helpers/fixture.js";
import { bytesUnder, loadBuiltLibrary, makeGeneratedSite, readGeneratedCorpus } from "../helpers/generated-site.js";

/**
 * Worker threads run compiled code, so this test drives the compiled library (dist/, built by
 * `npm ci` / `npm run build:ts`), as the CLI tests do.
 */
const CONFIG = { title: "Parallel fixture", siteUrl: "https://parallel.example/news/", timeZone: "Europe/Warsaw", feedLimit: 15, settleSeconds: 0, authorFeeds: true };
const NOW = Date.parse("2026-06-01T00:00:00Z");

/** Files that take the unusual paths: a permalink clash (content sanitised again for the new URL), a binary file, relative links. */
const EXTRA = {
  "articles/2024/2024-05-01-clash.md": "---\ntitle: Clash A\ndate: 2024-05-01T08:00:00+02:00\nslug: same\ntags: [Politics]\n---\nSee [the notes](notes/) and ![a map](map.png).\n",
  "articles/2024/2024-05-01-clash-b.md": "---\ntitle: Clash B\ndate: 2024-05-01T09:00:00+02:00\nslug: same\ntags: [politics]\n---\nAlso [relative](../x/) and [a fragment](#one).\n",
  "articles/2024/2024-05-02-binary.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
};

let library: typeof Library;
let corpus: Map<string, Buffer>;

beforeAll(async () => {
  library = await loadBuiltLibrary();
  corpus = await readGeneratedCorpus({ count: 300, seed: 31, rawTextShare: 0.2 });
});

const site = () => makeGeneratedSite(corpus, { ...EXTRA, "feedwright.config.json": JSON.stringify(CONFIG) });

describe("a parallel build", () => {
  it("equals a sequential build byte for byte, with the same findings", async () => {
    const dir = await site();
    const parallel = await library.build({ cwd: dir, now: NOW, outDir: "out-parallel", workers: 2, cache: false });
    const sequential = await library.build({ cwd: dir, now: NOW, outDir: "out-sequential", workers: 1, cache: false });
    expect(parallel.workers).toBe(2);
    expect(sequential.workers).toBe(1);
    expect(parallel.published.length).toBeGreaterThan(290);
    expect(parallel.skipped.map((item) => item.file)).toContain("2024/2024-05-02-binary.md");
    expect(parallel.warnings.some((item) => item.message.includes("permalink"))).toBe(true);
    const pick = (summary: Awaited<ReturnType<typeof library.build>>) => ({ ...summary, outDir: null, files: null, timings: null, workers: null });
    expect(pick(parallel)).toEqual(pick(sequential));
    const parallelFiles = await bytesUnder(path.join(dir, "out-parallel"));
    expect(parallelFiles.size).toBeGreaterThan(300);
    expect(parallelFiles).toEqual(await bytesUnder(path.join(dir, "out-sequential")));
  });

  it("then serves an incremental run from the cache it filled, giving the same bytes", async () => {
    const dir = await site();
    const first = await library.build({ cwd: dir, now: NOW, workers: 2 });
    // Changed by hand: the incremental run must see it in the stats its derive thread takes, and put it back.
    await writeFile(path.join(dir, "out", "tags", "index.html"), "edited by hand\n");
    const file = path.join(dir, "articles", [...corpus.keys()][5]!);
    await writeFile(file, `${corpus.get([...corpus.keys()][5]!)!.toString()}\nA late correction.\n`);
    await utimes(file, SETTLED_MTIME, new Date(SETTLED_MTIME.getTime() + 1000));
    const incremental = await library.build({ cwd: dir, now: NOW, workers: 2 });
    expect(incremental.workers).toBe(1);
    // Every other file was recognised as untouched from its stat: only the edited article's files and the one changed by hand are written.
    expect(incremental.files.written).toContain("tags/index.html");
    expect(incremental.files.written.length).toBeGreaterThan(1);
    expect(incremental.files.written.length).toBeLessThan(first.files.written.length / 10);
    await library.build({ cwd: dir, now: NOW, outDir: "cold", workers: 1, cache: false });
    expect(await bytesUnder(path.join(dir, "out"))).toEqual(await bytesUnder(path.join(dir, "cold")));
  });
});

describe("the bundled feedwright command", () => {
  // The command runs dist/bundle/ (esbuild's bundle), whose chunks must find the worker script beside them.
  it("derives on two threads, with the bytes of a one-thread build", async () => {
    const dir = await site();
    const two = await runCli(["build", "--now", new Date(NOW).toISOString(), "--out", "out-two", "--json"], dir, { FEEDWRIGHT_WORKERS: "2" });
    const one = await runCli(["build", "--now", new Date(NOW).toISOString(), "--out", "out-one", "--json"], dir, { FEEDWRIGHT_WORKERS: "1" });
    expect(JSON.parse(two.stdout).workers).toBe(2);
    expect(JSON.parse(one.stdout).workers).toBe(1);
    expect(await bytesUnder(path.join(dir, "out-two"))).toEqual(await bytesUnder(path.join(dir, "out-one")));
  });
});
