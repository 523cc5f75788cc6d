import { mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/index.js";
import { runCli } from "./helpers/cli.js";
import { makeFixture, SETTLED_MTIME, writeFiles } from "./helpers/fixture.js";

const GOOD = { "articles/2024-05-01-good.md": "---\ntitle: Good\n---\nA good article." };

describe("bad and in-progress input never stops publishing", () => {
  it("skips binary, oversized, non-UTF-8 and empty files with reasons, and publishes the rest", async () => {
    const dir = await makeFixture({
      ...GOOD,
      "articles/2024-05-02-binary.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      "articles/2024-05-03-huge.md": `---\ntitle: Huge\n---\n${"x".repeat(3000)}`,
      "articles/2024-05-04-latin1.md": new Uint8Array([...Buffer.from("---\ntitle: Caf"), 0xe9, ...Buffer.from("\n---\nBody")]),
      "articles/2024-05-05-empty.md": "",
    });
    const summary = await build({ cwd: dir, config: { maxFileBytes: 2048 } });
    expect(summary.published).toEqual(["2024-05-01-good.md"]);
    const reasons = Object.fromEntries(summary.skipped.map((d) => [d.file, d.message]));
    expect(reasons["2024-05-02-binary.md"]).toMatch(/binary/);
    expect(reasons["2024-05-03-huge.md"]).toMatch(/over the 2 KiB limit \(maxFileBytes\)/);
    expect(reasons["2024-05-04-latin1.md"]).toMatch(/not valid UTF-8/);
    expect(reasons["2024-05-05-empty.md"]).toMatch(/empty file/);
  });

  it("leaves files that look mid-write for a later run, without calling them problems", async () => {
    const dir = await makeFixture(GOOD);
    const articles = path.join(dir, "articles");
    await writeFile(path.join(articles, "2024-05-06-fresh.md"), "---\ntitle: Fresh\n---\nJust saved.");
    await writeFile(path.join(articles, "2024-05-07-unclosed.md"), "---\ntitle: Half\n");
    await writeFile(path.join(articles, "2024-05-08-cut.md"), Buffer.concat([Buffer.from("---\ntitle: Cut\n---\nZa"), Buffer.from("ż").subarray(0, 1)]));
    const t = Date.now();
    // The fresh file is inside a 60 s settle window; the others are older than it but visibly incomplete.
    await utimes(path.join(articles, "2024-05-07-unclosed.md"), new Date(t - 120_000), new Date(t - 120_000));
    await utimes(path.join(articles, "2024-05-08-cut.md"), new Date(t - 120_000), new Date(t - 120_000));
    const summary = await build({ cwd: dir, config: { settleSeconds: 60 } });
    expect(summary.published).toEqual(["2024-05-01-good.md"]);
    expect(summary.skipped).toEqual([]);
    expect(summary.pending.map((d) => d.file).sort()).toEqual(["2024-05-06-fresh.md", "2024-05-07-unclosed.md", "2024-05-08-cut.md"]);

    // Once settled (and finished), the next run publishes them.
    await writeFiles(articles, {
      "2024-05-07-unclosed.md": "---\ntitle: Half\n---\nNow whole.",
      "2024-05-08-cut.md": "---\ntitle: Cut\n---\nZażółć.",
    });
    await utimes(path.join(articles, "2024-05-06-fresh.md"), SETTLED_MTIME, SETTLED_MTIME);
    const later = await build({ cwd: dir, config: { settleSeconds: 60 } });
    expect(later.pending).toEqual([]);
    expect(later.published).toHaveLength(4);
  });

  it("reports an old file with unclosed front matter as a problem, not as in progress", async () => {
    const dir = await makeFixture({ ...GOOD, "articles/2024-05-09-broken.md": "---\ntitle: Broken\n" });
    const summary = await build({ cwd: dir });
    expect(summary.pending).toEqual([]);
    expect(summary.skipped).toEqual([expect.objectContaining({ file: "2024-05-09-broken.md", line: 1, message: expect.stringMatching(/never closed/) })]);
  });

  it("follows links inside the articles folder and refuses links that lead out of it", async () => {
    const dir = await makeFixture({ ...GOOD, "private/2024-05-10-secret.md": "---\ntitle: Secret\n---\nPrivate." });
    await mkdir(path.join(dir, "articles", "inner"), { recursive: true });
    await symlink(path.join(dir, "private", "2024-05-10-secret.md"), path.join(dir, "articles", "2024-05-10-secret.md"));
    await symlink(path.join(dir, "private"), path.join(dir, "articles", "private-dir"));
    await symlink(path.join(dir, "articles", "2024-05-01-good.md"), path.join(dir, "articles", "inner", "2024-05-11-alias.md"));
    const summary = await build({ cwd: dir });
    expect(summary.published.sort()).toEqual(["2024-05-01-good.md", "inner/2024-05-11-alias.md"]);
    expect(summary.skipped.map((d) => d.file).sort()).toEqual(["2024-05-10-secret.md", "private-dir"]);
    expect(summary.skipped[0]!.message).toMatch(/outside the articles folder; not followed/);
  });

  it("--strict writes nothing and exits 3 when any file has a problem", async () => {
    const dir = await makeFixture({ ...GOOD, "articles/no-date.md": "---\ntitle: Undated\n---\nText." });
    const result = await runCli(["build", "--strict"], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^articles\/no-date\.md:1: no publication date/m);
    expect(result.stderr).toMatch(/nothing written/);
    expect(await readdir(path.join(dir, "out"))).toEqual([]);
    const clean = await makeFixture(GOOD);
    expect((await runCli(["build", "--strict"], clean)).code).toBe(0);
  });

  it("--json prints a machine-readable report; without a terminal a clean run prints nothing", async () => {
    const dir = await makeFixture({ ...GOOD, "articles/2024-05-12-draft.md": "---\ntitle: D\ndraft: true\n---\nx", "articles/2099-01-01-later.md": "---\ntitle: L\n---\nx" });
    const quiet = await runCli(["build"], dir);
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const result = await runCli(["build", "--json"], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      exitCode: 0,
      published: ["2024-05-01-good.md"],
      drafts: ["2024-05-12-draft.md"],
      scheduled: [{ file: "2099-01-01-later.md", published: "2099-01-01T00:00:00+00:00" }],
      skipped: [],
      written: [],
      refused: false,
    });
    expect(report.unchanged).toContain("rss.xml");
    expect(Object.keys(report.timings)).toEqual(["read", "render", "write", "total"]);
    expect((await stat(path.join(dir, "out", "rss.xml"))).isFile()).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, "out", "feed.json"), "utf8")).items).toHaveLength(1);
  });
});
