import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { copyFixture, makeFixture, repoRoot } from "./helpers/fixture.js";

describe("feedwright command", () => {
  it("prints help with examples and its version", async () => {
    const dir = await makeFixture();
    const help = await runCli(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: feedwright");
    expect(help.stdout).toContain("Examples:");
    const buildHelp = await runCli(["build", "--help"], dir);
    expect(buildHelp.code).toBe(0);
    for (const flag of ["--articles", "--out", "--config", "--site-url", "--limit", "--now", "--drafts", "--future"]) {
      expect(buildHelp.stdout).toContain(flag);
    }
    const version = await runCli(["--version"], dir);
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [["build", "--bogus"], /unknown option '--bogus'/],
    [["build", "--limit", "zero"], /--limit <n>.*whole number/],
    [["build", "--limit", "0"], /whole number of at least 1/],
    [["build", "--now", "next tuesday"], /ISO 8601/],
    [["publish"], /unknown command 'publish'/],
  ])("rejects %j with one line and exit code 2", async (args, message) => {
    const dir = await makeFixture();
    const result = await runCli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("exits 2 without writing anything when the config is invalid", async () => {
    const dir = await makeFixture({ "feedwright.config.json": '{ "language": 42 }', "articles/2024-01-01-a.md": "---\ntitle: A\n---\nText." });
    const result = await runCli(["build"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/feedwright\.config\.json: "language"/);
    await expect(readFile(path.join(dir, "out", "rss.xml"))).rejects.toThrow();
  });

  it("publishes with warnings (exit 1) and names each bad file with its line", async () => {
    const dir = await copyFixture("tests/fixtures/site");
    const result = await runCli(["build", "--now", "2024-06-01T00:00:00Z"], dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^articles\/broken-front-matter\.md:1: front matter opened with "---" is never closed/),
        expect.stringMatching(/^articles\/no-date\.md:1: no publication date/),
        expect.stringMatching(/^articles\/2024-01-02-no-title\.md:1: no title/),
        expect.stringMatching(/^articles\/2024-01-03-list-front-matter\.md:2: /),
      ]),
    );
    const rss = parseFeed(await readFile(path.join(dir, "out", "rss.xml"), "utf8"));
    expect(rss.format).toBe("rss");
  });

  it("exits 0 on a clean folder, and flags override the config", async () => {
    const dir = await makeFixture({
      "posts/2024-05-01-first.md": "---\ntitle: First\n---\nOne.",
      "posts/2024-05-02-second.md": "---\ntitle: Second\n---\nTwo.",
      "posts/2024-05-03-third.md": "---\ntitle: Third\n---\nThree.",
    });
    const result = await runCli(
      ["build", "--articles", "posts", "--out", "public", "--site-url", "https://override.example/blog", "--limit", "2", "--quiet"],
      dir,
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
    const feed = JSON.parse(await readFile(path.join(dir, "public", "feed.json"), "utf8"));
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual(["Third", "Second"]);
    expect(feed.feed_url).toBe("https://override.example/blog/feed.json");
    expect(feed.items[0].url).toBe("https://override.example/blog/2024/05/03/third/");
  });
});
