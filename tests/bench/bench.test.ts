import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import matter from "gray-matter";
import { parse as parseToml } from "smol-toml";
import { afterEach, describe, expect, it } from "vitest";
import {
  CORPUS_END_MS,
  CORPUS_START_MS,
  addOne,
  deleteOne,
  editOne,
  generateArticle,
  generateCorpus,
  listArticleFiles,
} from "../../bench/generate-corpus.mjs";
import { mulberry32, randomFrom } from "../../bench/prng.mjs";
import { targetVerdicts } from "../../bench/targets.mjs";
import { TAGS, MONTHS, WEEKDAYS } from "../../bench/vocabulary.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUN_SCRIPT = path.join(REPO_ROOT, "bench", "run.mjs");
const MIRROR_CLI = path.join(REPO_ROOT, "tests", "bench", "fixtures", "mirror-cli.mjs");
const FAILING_CLI = path.join(REPO_ROOT, "tests", "bench", "fixtures", "failing-cli.mjs");
const REAL_CLI = path.join(REPO_ROOT, "dist", "bundle", "cli.js");
const CASE_NAMES = ["cold", "no-change", "one-edited", "one-added", "one-deleted"];

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "feedwright-bench-test-"));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function readCorpus(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listArticleFiles(dir)) files.set(file, await readFile(path.join(dir, file), "utf8"));
  return files;
}

/** Parses an article's front matter the way a reader would: YAML between `---`, TOML between `+++`. */
function frontMatter(text: string): Record<string, unknown> {
  if (text.startsWith("+++")) {
    return matter(text, { delimiters: "+++", language: "toml", engines: { toml: (s: string) => parseToml(s) as object } }).data;
  }
  return matter(text).data;
}

/** The date as written in the file (before any parser turns it into a Date). */
function writtenDate(text: string): string | undefined {
  return /^date(?::| =) "?([^"\n]+)"?$/m.exec(text)?.[1];
}

function isValidDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === "string") {
    // Jekyll's "2017-07-24 18:36:00 +0200" and a zone-less "2017-07-24 18:36:00", in ISO form.
    const iso = value.replace(/^(\S+) (\S+)(?: ([+-]\d{2})(\d{2}))?$/, (_, d, t, h, m) => `${d}T${t}${h ? `${h}:${m}` : ""}`);
    return !Number.isNaN(Date.parse(iso));
  }
  return false;
}

describe("generateCorpus", () => {
  it("writes byte-identical corpora for the same seed and different ones for another seed", async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    const summaryA = await generateCorpus(a, { count: 80, seed: 7 });
    const summaryB = await generateCorpus(b, { count: 80, seed: 7 });
    await generateCorpus(c, { count: 80, seed: 8 });
    expect(summaryB).toEqual(summaryA);
    const [filesA, filesB, filesC] = [await readCorpus(a), await readCorpus(b), await readCorpus(c)];
    expect(filesA.size).toBe(80);
    expect([...filesB]).toEqual([...filesA]);
    expect([...filesC]).not.toEqual([...filesA]);
  });

  it("has the promised shape: formats, front matter, dates, tags, bodies, raw-text pages", async () => {
    const dir = await tempDir();
    const summary = await generateCorpus(dir, { count: 300, seed: 20211019 });
    const files = await readCorpus(dir);
    expect(summary.files).toBe(300);
    expect(files.size).toBe(300);
    expect(summary.rawText).toBe(30);
    expect(summary.markdownToml).toBeGreaterThan(0);
    expect(summary.markdownYaml + summary.markdownToml + summary.rawText).toBe(300);

    const tagUse = new Map<string, number>();
    const years = new Set<string>();
    let withImage = 0;
    let withOffset = 0;
    let withoutZone = 0;
    let withJekyllOffset = 0;
    for (const [file, text] of files) {
      const match = /^(\d{4})\/(\d{4})-(\d{2})-(\d{2})-[a-z0-9-]+\.(md|txt)$/.exec(file);
      expect(match, file).not.toBeNull();
      const [, folder, year, month, day, extension] = match!;
      expect(folder).toBe(year);
      years.add(year!);
      if (extension === "txt") {
        const lines = text.split("\n");
        const dateLine = lines.find((line) => /^[A-Z][a-z]+day, /.test(line));
        const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
        expect(dateLine).toBe(`${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`);
        expect(text).toContain("- Advertisement -");
        expect(text).toMatch(/^Main photo source: [A-ZÀ-Ž' ]+ \/ [A-Z /]+$/m);
        // A caption glued to an upper-case credit, as scraped pages print them.
        expect(text).toMatch(/^[A-Z][^\n]*[a-z][A-ZÀ-Ž' ]{3,} \/ [A-Z /]+$/m);
        continue;
      }
      const data = frontMatter(text);
      expect(typeof data.title === "string" && data.title.length > 0, file).toBe(true);
      expect(isValidDate(data.date), `${file}: ${String(data.date)}`).toBe(true);
      if (data.updated !== undefined) expect(isValidDate(data.updated), file).toBe(true);
      const written = writtenDate(text)!;
      expect(written.slice(0, 10), file).toBe(`${year}-${month}-${day}`);
      if (/[+-]\d{2}:?\d{2}$/.test(written)) withOffset++;
      if (/ [+-]\d{4}$/.test(written)) withJekyllOffset++;
      if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(written)) withoutZone++;
      const authors = data.authors ?? [data.author];
      expect(Array.isArray(authors) && authors.every((a) => typeof a === "string" && a.includes(" ")), file).toBe(true);
      expect(Array.isArray(data.tags) && data.tags.length >= 1, file).toBe(true);
      for (const tag of data.tags as string[]) {
        expect(TAGS).toContain(tag);
        tagUse.set(tag, (tagUse.get(tag) ?? 0) + 1);
      }
      if (data.image !== undefined) {
        withImage++;
        expect(typeof data.image_caption).toBe("string");
        expect(data.image_credit).toMatch(/ \/ [A-Z]/);
      }
      const body = text.slice(text.indexOf("\n", text.indexOf(text.startsWith("+++") ? "+++" : "---", 3)));
      expect(body).toMatch(/^## \S/m);
      expect(body).toMatch(/\]\(https:\/\//);
      expect(body).toMatch(/^(- |1\. )/m);
      const words = body.split(/\s+/).filter(Boolean).length;
      expect(words, file).toBeGreaterThan(480);
      expect(words, file).toBeLessThan(800);
    }
    expect(years.size).toBe(10);
    expect(withImage).toBeGreaterThan(150);
    expect(withOffset).toBeGreaterThan(50);
    expect(withoutZone).toBeGreaterThan(20);
    expect(withJekyllOffset).toBeGreaterThan(20);
    expect(tagUse.size).toBeGreaterThan(60);
    // Zipf-like: the head tag is far more common than a mid-list one.
    expect(tagUse.get(TAGS[0]!) ?? 0).toBeGreaterThan(5 * (tagUse.get(TAGS[100]!) ?? 0) + 10);
  });

  it("makes parseable articles dated as their file names say for any seed and date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: CORPUS_START_MS, max: CORPUS_END_MS }),
        fc.constantFrom("yaml", "toml", "raw-text") as fc.Arbitrary<"yaml" | "toml" | "raw-text">,
        (seed, publishedMs, kind) => {
          const article = generateArticle(randomFrom(mulberry32(seed)), { kind, publishedMs, usedPaths: new Set() });
          const prefix = /\/(\d{4}-\d{2}-\d{2})-/.exec(article.file)![1]!;
          if (kind === "raw-text") {
            expect(article.file.endsWith(".txt")).toBe(true);
            return;
          }
          const data = frontMatter(article.text);
          expect(isValidDate(data.date)).toBe(true);
          expect(writtenDate(article.text)!.slice(0, 10)).toBe(prefix);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("corpus mutations", () => {
  it("edit, add and delete change exactly one file each, deterministically, and undo restores the corpus", async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await generateCorpus(a, { count: 40, seed: 3 });
    await generateCorpus(b, { count: 40, seed: 3 });
    const pristine = await readCorpus(a);
    const newest = [...pristine.keys()].filter((file) => file.endsWith(".md")).at(-1)!;

    const mutationsA = [await editOne(a), await addOne(a), await deleteOne(a)];
    const mutationsB = [await editOne(b), await addOne(b), await deleteOne(b)];
    const mutated = await readCorpus(a);
    expect([...(await readCorpus(b))]).toEqual([...mutated]);
    expect(mutationsA.map((m) => [m.kind, m.file])).toEqual(mutationsB.map((m) => [m.kind, m.file]));

    const [edit, add, del] = mutationsA;
    expect(edit!.file).toBe(newest);
    expect(mutated.get(newest)).not.toBe(pristine.get(newest));
    expect(mutated.get(newest)!.startsWith(pristine.get(newest)!)).toBe(true);
    expect(pristine.has(add!.file)).toBe(false);
    expect(path.posix.basename(add!.file) > path.posix.basename(newest)).toBe(true);
    expect(isValidDate(frontMatter(mutated.get(add!.file)!).date)).toBe(true);
    expect(pristine.has(del!.file)).toBe(true);
    expect(del!.file.endsWith(".md")).toBe(true);
    expect(mutated.has(del!.file)).toBe(false);
    expect(del!.file).not.toBe(newest);
    expect(mutated.size).toBe(pristine.size);

    for (const mutation of mutationsA.reverse()) await mutation.undo();
    expect([...(await readCorpus(a))]).toEqual([...pristine]);
  });
});

describe("targetVerdicts", () => {
  const result = (name: string, size: number, wallSeconds: number, peakRssMiB: number, filesWritten: number, hugoRatio: number | null) => ({
    name,
    size,
    median: { wallSeconds, cpuSeconds: wallSeconds, peakRssMiB, exitCode: 0 },
    runs: 1,
    filesWritten,
    filesRemoved: 0,
    hugoRatio,
  });

  it("judges the measured cases against issue 8's limits and leaves out what was not measured", () => {
    const lines = targetVerdicts(
      [
        result("cold", 10000, 4, 280, 30000, 0.31),
        result("no-change", 10000, 0.3, 90, 2, 0.02),
        result("one-edited", 10000, 0.5, 90, 3, 0.05),
        result("cold", 100000, 45, 1100, 300000, null),
      ],
      { version: 0.1, help: 0.2 },
    );
    expect(lines).toEqual([
      "MISSED cold 10000: 0.310 x Hugo cold (target <= 0.3)",
      "met    cold 10000: 280 MiB peak RSS (target <= 300)",
      "met    no-change 10000: 0.020 x Hugo cold (target <= 0.04)",
      "MISSED no-change 10000: 2 files written (target <= 0)",
      "met    one-edited 10000: 0.050 x Hugo cold (target <= 0.08)",
      "MISSED cold 100000: 1100 MiB peak RSS (target <= 1024)",
      "MISSED cold 100000: 11.25 x the 10000 cold build (target <= 11)",
      "MISSED start-up: 0.200 s for --version and --help (target <= 0.15)",
    ]);
  });
});

interface HarnessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runHarness(args: string[]): Promise<HarnessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUN_SCRIPT, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface JsonResult {
  name: string;
  size: number;
  filesWritten: number;
  filesRemoved: number;
  median: { wallSeconds: number; cpuSeconds: number; peakRssMiB: number };
}

function tableRow(stdout: string, name: string): string[] | undefined {
  const line = stdout.split("\n").find((l) => l.startsWith(`| ${name} `));
  return line?.split("|").slice(1, -1).map((cell) => cell.trim());
}

describe("npm run bench --quick", () => {
  it("times all five cases and counts exactly the files each build writes (mirror stand-in CLI)", async () => {
    const dir = await tempDir();
    const json = path.join(dir, "result.json");
    const result = await runHarness(["--quick", "--no-hugo", "--corpora", dir, "--cli", MIRROR_CLI, "--json", json]);
    expect(result.stderr).not.toMatch(/stopped|exited with/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^machine: \d+ cores/m);
    expect(result.stdout).toContain(`node ${process.version}, feedwright mirror-cli 1.0.0`);
    expect(result.stdout).toContain("ratios skipped");
    expect(result.stdout).toMatch(/^\| case +\| size \| wall s \| cpu s \| peak RSS MiB \| files written \| files removed \|/m);
    for (const name of CASE_NAMES) expect(tableRow(result.stdout, name)?.[1], name).toBe("50");

    const report = JSON.parse(await readFile(json, "utf8")) as { results: JsonResult[] };
    const byCase = Object.fromEntries(report.results.map((r) => [r.name, r]));
    expect(Object.keys(byCase)).toEqual(CASE_NAMES);
    expect([byCase.cold!.filesWritten, byCase.cold!.filesRemoved]).toEqual([50, 0]);
    expect([byCase["no-change"]!.filesWritten, byCase["no-change"]!.filesRemoved]).toEqual([0, 0]);
    expect([byCase["one-edited"]!.filesWritten, byCase["one-edited"]!.filesRemoved]).toEqual([1, 0]);
    expect([byCase["one-added"]!.filesWritten, byCase["one-added"]!.filesRemoved]).toEqual([1, 0]);
    expect([byCase["one-deleted"]!.filesWritten, byCase["one-deleted"]!.filesRemoved]).toEqual([0, 1]);
    for (const r of report.results) {
      expect(r.median.wallSeconds).toBeGreaterThan(0);
      expect(r.median.cpuSeconds).toBeGreaterThan(0);
      // A Node process never runs in less than a few MiB.
      expect(r.median.peakRssMiB).toBeGreaterThan(5);
    }

    expect(result.stdout).toMatch(/^ {2}met {4}no-change 50: 0 files written/m);

    // The corpus was put back after the mutations, so the next run reuses it.
    const again = await runHarness(["--quick", "--no-hugo", "--corpora", dir, "--cli", MIRROR_CLI]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("reusing corpus");

    // A corpus changed behind the bench's back is generated again, not timed.
    const articles = path.join(dir, "50", "articles");
    const [first] = await listArticleFiles(articles);
    const original = await readFile(path.join(articles, first!), "utf8");
    await writeFile(path.join(articles, first!), original + "\nEdited by hand.\n");
    const changed = await runHarness(["--quick", "--no-hugo", "--corpora", dir, "--cli", MIRROR_CLI]);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain("differ from the generated corpus");
    expect(await readFile(path.join(articles, first!), "utf8")).toBe(original);
  });

  it("says when Hugo is not installed and still times every case", async () => {
    const dir = await tempDir();
    const result = await runHarness(["--quick", "--corpora", dir, "--cli", MIRROR_CLI, "--hugo", path.join(dir, "no-such-hugo")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("hugo not found: ratios skipped");
    expect(result.stdout).not.toContain("x hugo cold");
    for (const name of CASE_NAMES) expect(tableRow(result.stdout, name), name).toBeDefined();
  });

  it("stops with the build's own error when a build fails", async () => {
    const dir = await tempDir();
    const result = await runHarness(["--quick", "--no-hugo", "--corpora", dir, "--cli", FAILING_CLI]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("feedwright build exited with 3");
    expect(result.stderr).toContain("the output folder could not be written");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("explains a bad option in one sentence", async () => {
    const result = await runHarness(["--sizes", "ten"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--sizes must be a comma-separated list of positive whole numbers/);
  });

  // tests/global-setup.ts compiles and bundles src/ first, so dist/bundle/cli.js is the current CLI.
  it("runs against the real feedwright CLI and prints all five cases", async () => {
    const dir = await tempDir();
    const result = await runHarness(["--quick", "--no-hugo", "--corpora", dir, "--cli", REAL_CLI]);
    expect(result.stderr).not.toMatch(/stopped|exited with/);
    expect(result.code).toBe(0);
    for (const name of CASE_NAMES) expect(tableRow(result.stdout, name), name).toBeDefined();
    expect(Number(tableRow(result.stdout, "cold")![5])).toBeGreaterThan(0);
    expect(tableRow(result.stdout, "no-change")![5]).toBe("0");
    expect(Number(tableRow(result.stdout, "one-edited")![5])).toBeGreaterThan(0);
    expect(Number(tableRow(result.stdout, "one-added")![5])).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/start-up \(median of \d+\): feedwright --version \d/);
  });
});
