import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Child-process tests run the compiled JS in dist/ (plain `node`, no TS
 * loader). `npm test` runs tsc first; this stops a direct `vitest run` from
 * silently testing stale or missing output.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Absolute path of a helper script in this folder. */
export function helperScript(name: string): string {
  return path.join(repoRoot, "tests", "publish", "helpers", name);
}

/** Throws a clear instruction unless every dist/publish/<name>.js exists and is newer than its source. */
export function assertCompiled(...moduleNames: string[]): void {
  for (const name of moduleNames) {
    const source = path.join(repoRoot, "src", "publish", `${name}.ts`);
    const compiled = path.join(repoRoot, "dist", "publish", `${name}.js`);
    const compiledStat = fs.statSync(compiled, { throwIfNoEntry: false });
    if (!compiledStat || compiledStat.mtimeMs < fs.statSync(source).mtimeMs) {
      throw new Error(`dist/publish/${name}.js is missing or older than its source: run "npx tsc -p tsconfig.json" first (npm test does)`);
    }
  }
}
