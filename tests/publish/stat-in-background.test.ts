import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileVersions } from "../../src/publish/build-state.js";
import { BACKGROUND_STAT_MIN_FILES, statInBackground } from "../../src/publish/stat-in-background.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));

describe("statInBackground", () => {
  it.each([["on a thread", BACKGROUND_STAT_MIN_FILES + 10], ["in this thread, below the threshold", 30]])(
    "gives what fileVersions gives %s: versions of files, null for missing files and folders",
    async (_how, count) => {
      const dir = await makeTempDir(created);
      await mkdir(path.join(dir, "folder"));
      const files: string[] = [];
      for (let index = 0; index < count; index++) {
        const file = path.join(dir, `f${index}.txt`);
        if (index % 3 !== 1) await writeFile(file, "x".repeat(index));
        files.push(index % 7 === 5 ? path.join(dir, "folder") : file);
      }
      const background = await statInBackground(files);
      expect(background).toEqual(fileVersions(files));
      expect(background.filter((version) => version === null).length).toBeGreaterThan(count / 4);
      expect(background.find((version) => version !== null)).toMatchObject({ size: expect.any(Number), ino: expect.any(Number) });
    },
  );
});
