import { cp, mkdtemp, rm, utimes } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeFixture, repoRoot, writeFiles } from "../helpers/fixture.js";

const ARTICLES = {
  "articles/2024-04-01-one.md": "---\ntitle: One\n---\nFirst.",
  "articles/2024-04-02-two.md": "---\ntitle: Two\n---\nSecond.",
  "articles/2024-04-03-three.md": "---\ntitle: Three\n---\nThird.",
};

let copies: string[] = [];
afterEach(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
  copies = [];
});

/**
 * A private copy of the compiled code (dist/ with the package.json it reads its version from),
 * so that "rebuilding" it cannot change the code version of tests running beside this one.
 * It lives under node_modules so that its imports of feedwright's dependencies resolve as
 * they do from dist/. Returns the copy's dist folder.
 */
async function copyOfDist(): Promise<string> {
  const root = await mkdtemp(path.join(repoRoot, "node_modules", ".feedwright-test-copy-"));
  copies.push(root);
  await cp(path.join(repoRoot, "dist"), path.join(root, "dist"), { recursive: true });
  await cp(path.join(repoRoot, "package.json"), path.join(root, "package.json"));
  return path.join(root, "dist");
}

describe("the caches belong to the code that wrote them", () => {
  it("a rebuilt feedwright with the same version number derives everything again", async () => {
    const dist = await copyOfDist();
    const dir = await makeFixture(ARTICLES);
    const run = async () => JSON.parse((await runCli(["build", "--json"], dir, {}, path.join(dist, "bundle", "cli.js"))).stdout);
    expect((await run()).cache.misses).toBe(3);

    await writeFiles(dir, { "articles/2024-04-01-one.md": "---\ntitle: One, edited\n---\nFirst." });
    expect((await run()).cache).toEqual({ hits: 2, misses: 1 });

    // As `npm install` in an updated checkout does: the compiled code changes, the version does not.
    const later = new Date(Date.now() + 1000);
    await utimes(path.join(dist, "bundle", "derive-worker.js"), later, later);
    await writeFiles(dir, { "articles/2024-04-02-two.md": "---\ntitle: Two, edited\n---\nSecond." });
    const afterRebuild = await run();
    expect(afterRebuild.cache).toEqual({ hits: 0, misses: 3 });
    expect(afterRebuild.published).toHaveLength(3);
  });
});
