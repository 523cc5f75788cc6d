import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeFixture, repoRoot, writeFiles } from "../helpers/fixture.js";
import { parseXmlStrict } from "../helpers/xml.js";

const COUNT = 400;

function corpus(version: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    files[`articles/2023-${month}-${day}-article-${i}.md`] =
      `---\ntitle: "Article ${i} (${version})"\ntags: [t${i % 7}]\n---\n\n${`Paragraph ${i} of version ${version}. `.repeat(40)}\n`;
  }
  return files;
}

/** Every file in out/ must be whole: feeds parse strictly, pages end their document. */
async function expectEveryFileWhole(out: string): Promise<number> {
  let checked = 0;
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, "utf8");
    if (entry.name.endsWith(".xml")) parseXmlStrict(text);
    else if (entry.name.endsWith(".json")) JSON.parse(text);
    else if (entry.name.endsWith(".html")) expect(text.trimEnd().endsWith("</html>"), file).toBe(true);
    checked++;
  }
  return checked;
}

describe("a build killed at any moment leaves out/ whole", () => {
  it("SIGKILL at seeded random points during a large build never leaves a broken file", async () => {
    const dir = await makeFixture(corpus("A"));
    expect((await runCli(["build", "--now", "2024-06-01T00:00:00Z"], dir)).code).toBe(0);
    const out = path.join(dir, "out");
    expect(await expectEveryFileWhole(out)).toBeGreaterThan(COUNT);

    let seed = 20261124;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let killedMidRun = 0;
    for (let round = 0; round < 4; round++) {
      await writeFiles(dir, corpus(round % 2 === 0 ? "B" : "A"));
      const child = spawn(process.execPath, [path.join(repoRoot, "dist", "cli.js"), "build", "--now", "2024-06-01T00:00:00Z"], { cwd: dir, stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 900));
      if (child.kill("SIGKILL")) killedMidRun += (await exited) === null ? 1 : 0;
      await exited;
      await expectEveryFileWhole(out);
    }
    // The next run, uninterrupted, completes the site.
    const finish = await runCli(["build", "--now", "2024-06-01T00:00:00Z", "--json"], dir);
    expect(finish.code).toBe(0);
    await expectEveryFileWhole(out);
    expect(killedMidRun).toBeGreaterThan(0);
  });
});
