import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../helpers/cli.js";
import { makeFixture, writeFiles } from "../helpers/fixture.js";
import { parseXmlStrict } from "../helpers/xml.js";

const COUNT = 400;
const NOW = "2024-06-01T00:00:00Z";

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

/**
 * Every file in out/ must be whole: feeds parse strictly, JSON parses, pages end their document.
 * Returns the broken files with what is wrong with each (empty when all are whole), and the count checked.
 */
async function brokenFiles(out: string): Promise<{ broken: string[]; checked: number }> {
  const broken: string[] = [];
  let checked = 0;
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(out, file);
    const text = await readFile(file, "utf8");
    try {
      if (entry.name.endsWith(".xml")) parseXmlStrict(text);
      else if (entry.name.endsWith(".json")) JSON.parse(text);
      else if (entry.name.endsWith(".html") && !text.trimEnd().endsWith("</html>")) throw new Error("does not end with </html>");
    } catch (error) {
      broken.push(`${relative} (${text.length} characters): ${(error as Error).message.split("\n")[0]}`);
    }
    checked++;
  }
  return { broken, checked };
}

describe("a build killed at any moment leaves out/ whole", () => {
  it("SIGKILL at seeded random points during a large build never leaves a broken file", async () => {
    const dir = await makeFixture(corpus("A"));
    const first = await runCli(["build", "--now", NOW], dir);
    expect(first.code, `first build failed:\n${first.stderr}`).toBe(0);
    const out = path.join(dir, "out");
    const initial = await brokenFiles(out);
    expect(initial.broken, "after the first build").toEqual([]);
    expect(initial.checked).toBeGreaterThan(COUNT);

    let seed = 20261124;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const rounds: string[] = [];
    for (let round = 0; round < 4; round++) {
      await writeFiles(dir, corpus(round % 2 === 0 ? "B" : "A"));
      const child = spawn(process.execPath, [CLI, "build", "--now", NOW], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const delay = Math.round(100 + random() * 900);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      const code = await exited;
      rounds.push(`round ${round}: killed after ${delay} ms, ${code === null ? "mid-run" : `had already exited with ${code}${stderr ? `: ${stderr.trim()}` : ""}`}`);
      const { broken } = await brokenFiles(out);
      expect(broken, rounds.join("\n")).toEqual([]);
    }
    // The next run, uninterrupted, completes the site.
    const finish = await runCli(["build", "--now", NOW, "--json"], dir);
    expect(finish.code, `${rounds.join("\n")}\nthe finishing build failed:\n${finish.stderr}`).toBe(0);
    expect((await brokenFiles(out)).broken, `${rounds.join("\n")}\nafter the finishing build`).toEqual([]);
    // At least one round must really have interrupted a build, or the test proves nothing.
    expect(rounds.some((line) => line.includes("mid-run")), rounds.join("\n")).toBe(true);
  });
});
