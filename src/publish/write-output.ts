import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * Writes the output files under `outDir`. A file whose bytes are already on disk is left
 * alone (its mtime too, so web servers' ETags stay valid); others are written to a temp file
 * in the same folder and renamed into place, so a reader never sees half a file.
 */
export async function writeOutput(outDir: string, files: Map<string, string>): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [] };
  for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const target = path.join(outDir, relative);
    const existing = await readFile(target, "utf8").catch(() => null);
    if (existing === content) {
      result.unchanged.push(relative);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, target);
    result.written.push(relative);
  }
  return result;
}
