import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Parser from "rss-parser";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, runCli } from "../helpers/cli.js";
import { makeFixture } from "../helpers/fixture.js";

/** A running `feedwright` process whose output is read as it arrives. */
interface LiveCli {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function startCli(args: string[], cwd: string): LiveCli {
  const child = spawn(process.execPath, [CLI, ...args], { cwd });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, limitMs: number, what: string): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${title}: the body text of the article.\n`;

async function site(): Promise<string> {
  return makeFixture({
    "feedwright.config.json": JSON.stringify({ title: "Serve Test", siteUrl: "https://news.example.org/" }),
    "articles/2024-01-01-first.md": article("First story", "2024-01-01T08:00:00Z"),
  });
}

describe("feedwright serve", () => {
  it("builds for the served address, serves it, picks up a new article with --watch, and stops on SIGTERM", async () => {
    const dir = await site();
    const cli = startCli(["serve", "--port", "0", "--watch"], dir);
    const url = await waitFor(() => /Serving \S+ at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(cli.output())?.[1], 15_000, "the serving line");

    const feed = await new Parser().parseURL(`${url}rss.xml`);
    expect(feed.items.map((i) => i.title)).toEqual(["First story"]);
    // Links follow the served address, not the configured siteUrl, so a local reader can open them.
    expect(feed.items[0]?.link?.startsWith(url)).toBe(true);
    const page = await fetch(feed.items[0]!.link!);
    expect(page.status).toBe(200);

    await writeFile(path.join(dir, "articles", "2024-01-02-second.md"), article("Second story", "2024-01-02T08:00:00Z"));
    await waitFor(async () => (await new Parser().parseURL(`${url}rss.xml`)).items.length === 2, 2000, "the new article in the served feed");
    expect(cli.output()).toMatch(/Changed: articles\/2024-01-02-second\.md\. Rebuilding\.\.\./);
    expect(cli.output()).toMatch(/GET \/rss\.xml 200 \d+ B \d+ ms/);

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain("Received SIGTERM, shutting down.");
  });

  it("serves --dir without request lines when --quiet, and stops on SIGINT", async () => {
    const dir = await site();
    const cli = startCli(["serve", "--port", "0", "--dir", "public", "--quiet"], dir);
    const url = await waitFor(() => /Serving public at (\S+) /.exec(cli.output())?.[1], 15_000, "the serving line");
    const res = await fetch(`${url}feed.json`);
    expect(res.headers.get("content-type")).toMatch(/^application\/feed\+json/);
    expect(JSON.parse(await readFile(path.join(dir, "public", "feed.json"), "utf8")).items).toHaveLength(1);
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.output()).not.toMatch(/GET \//);
  });

  it("lists its flags in --help", async () => {
    const dir = await makeFixture();
    const help = await runCli(["serve", "--help"], dir);
    expect(help.code).toBe(0);
    for (const flag of ["--dir", "--port", "--host", "--watch", "--config", "--articles", "--drafts", "--quiet"]) expect(help.stdout).toContain(flag);
  });

  it.each([
    [["serve", "--port", "99999"], /port number from 0 to 65535/],
    [["serve", "--port", "http"], /port number/],
  ])("rejects %j with one line and exit code 2", async (args, message) => {
    const dir = await makeFixture();
    const result = await runCli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("refuses to start with an invalid config (exit 2, a sentence)", async () => {
    const dir = await makeFixture({ "feedwright.config.json": '{ "language": 42 }' });
    const result = await runCli(["serve", "--port", "0"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/feedwright\.config\.json: "language"/);
  });

  it("says so when the port is taken", async () => {
    const dir = await site();
    const first = startCli(["serve", "--port", "0", "--quiet"], dir);
    const url = await waitFor(() => /at (http:\/\/\S+) /.exec(first.output())?.[1], 15_000, "the first server");
    const second = await runCli(["serve", "--port", new URL(url).port], dir);
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toMatch(/^feedwright: Port \d+ on 127\.0\.0\.1 is already in use\. .*--port\.$/);
    first.child.kill("SIGTERM");
    await first.exited;
  });
});

describe("feedwright build --watch", () => {
  it("rebuilds when an article is added or the config changes, and exits 0 on SIGINT", async () => {
    const dir = await site();
    const cli = startCli(["build", "--watch"], dir);
    await waitFor(() => cli.output().includes("Watching"), 15_000, "the watching line");
    const rss = () => readFile(path.join(dir, "out", "rss.xml"), "utf8");
    expect(await rss()).toContain("First story");

    await writeFile(path.join(dir, "articles", "2024-01-02-second.md"), article("Second story", "2024-01-02T08:00:00Z"));
    await waitFor(async () => (await rss()).includes("Second story"), 2000, "the rebuilt feed");

    await writeFile(path.join(dir, "feedwright.config.json"), JSON.stringify({ title: "Renamed Gazette", siteUrl: "https://news.example.org/" }));
    await waitFor(async () => (await rss()).includes("Renamed Gazette"), 2000, "the new title");
    expect(cli.output()).toMatch(/Changed: feedwright\.config\.json\. Rebuilding\.\.\./);

    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  it("reports a broken config on rebuild and keeps watching", async () => {
    const dir = await site();
    const cli = startCli(["build", "--watch"], dir);
    await waitFor(() => cli.output().includes("Watching"), 15_000, "the watching line");
    await writeFile(path.join(dir, "feedwright.config.json"), '{ "language": 42 }');
    await waitFor(() => cli.output().includes("Rebuild failed:"), 2000, "the failure line");
    expect(cli.output()).toMatch(/Rebuild failed: .*"language".*The previous output is unchanged/);
    await writeFile(path.join(dir, "feedwright.config.json"), JSON.stringify({ title: "Fixed" }));
    await waitFor(async () => (await readFile(path.join(dir, "out", "rss.xml"), "utf8")).includes("Fixed"), 2000, "the fixed build");
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });
});
