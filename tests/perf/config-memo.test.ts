import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_MEMO_FILE, loadConfig } from "../../src/config/load-config.js";
import { UsageError } from "../../src/errors.js";
import { makeFixture } from "../helpers/fixture.js";

describe("the validated-config memo", () => {
  it("gives what validation gives, follows every change, and never lets an invalid config through", async () => {
    const dir = await makeFixture({ "feedwright.config.json": JSON.stringify({ title: "Memo", feedLimit: 7 }) });
    const fresh = await loadConfig({ cwd: dir });
    const first = await loadConfig({ cwd: dir, memo: true });
    expect(first).toEqual(fresh);
    const memo = JSON.parse(await readFile(path.join(dir, CONFIG_MEMO_FILE), "utf8"));
    expect(memo.config).toEqual(fresh.config);
    expect(await loadConfig({ cwd: dir, memo: true })).toEqual(fresh);

    await writeFile(path.join(dir, "feedwright.config.json"), JSON.stringify({ title: "Memo", feedLimit: 8 }));
    expect((await loadConfig({ cwd: dir, memo: true })).config.feedLimit).toBe(8);
    expect((await loadConfig({ cwd: dir, memo: true, overrides: { feedLimit: 3 } })).config.feedLimit).toBe(3);

    await writeFile(path.join(dir, "feedwright.config.json"), JSON.stringify({ title: "Memo", feedLimit: -1 }));
    await expect(loadConfig({ cwd: dir, memo: true })).rejects.toThrow(UsageError);

    await writeFile(path.join(dir, "feedwright.config.json"), JSON.stringify({ title: "Memo", feedLimit: 8 }));
    await writeFile(path.join(dir, CONFIG_MEMO_FILE), '{"key":');
    expect((await loadConfig({ cwd: dir, memo: true })).config.feedLimit).toBe(8);
  });

  it("is not written without the memo option (commands other than build, and builds without the cache)", async () => {
    const dir = await makeFixture({ "feedwright.config.json": JSON.stringify({ title: "No memo" }) });
    await loadConfig({ cwd: dir });
    await expect(readFile(path.join(dir, CONFIG_MEMO_FILE))).rejects.toThrow();
  });
});
