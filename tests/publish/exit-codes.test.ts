import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/publish/exit-codes.js";

describe("EXIT", () => {
  it("has the codes issue 6 promises, each distinct", () => {
    expect(EXIT).toEqual({ ok: 0, warnings: 1, usage: 2, failed: 3, locked: 75 });
    expect(new Set(Object.values(EXIT)).size).toBe(Object.keys(EXIT).length);
  });

  it("is the table the README's cron section documents", async () => {
    const readme = await fs.readFile(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Running from cron"), readme.indexOf("## Serving and deploying"));
    const documented = [...section.matchAll(/^\| (\d+) \|/gm)].map((match) => Number(match[1]));
    expect(documented).toEqual(Object.values(EXIT));
  });
});
