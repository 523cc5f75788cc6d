import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** feedwright's own version, read once from package.json (shipped beside dist/). */
export const VERSION: string = readVersion();

/**
 * The version in feedwright's package.json: one folder up from the compiled modules
 * (dist/), two from the CLI's bundle (dist/bundle/).
 */
function readVersion(): string {
  for (const relative of ["../package.json", "../../package.json"]) {
    let text: string;
    try {
      text = readFileSync(new URL(relative, import.meta.url), "utf8");
    } catch {
      continue;
    }
    const manifest = JSON.parse(text) as { name?: string; version?: string };
    if (manifest.name === "feedwright" && typeof manifest.version === "string") return manifest.version;
  }
  throw new Error("feedwright's package.json is missing from its install; reinstall feedwright.");
}

export const GENERATOR = { name: "feedwright", version: VERSION, uri: "https://www.npmjs.com/package/feedwright" };

let codeVersionMemo: string | undefined;

/**
 * The version plus a fingerprint of feedwright's own code files (their paths, sizes and
 * modification times). Caches are keyed on it, so a rebuilt checkout whose code changed but
 * whose version number did not never reuses what older code derived. Costs one stat per file.
 */
export function codeVersion(): string {
  if (codeVersionMemo === undefined) {
    const root = fileURLToPath(new URL(".", import.meta.url));
    const hash = createHash("sha256");
    const entries = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:m?js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of entries) {
      const stats = statSync(file);
      hash.update(`${path.relative(root, file)}\0${stats.size}\0${stats.mtimeMs}\n`);
    }
    codeVersionMemo = `${VERSION}+${hash.digest("hex").slice(0, 16)}`;
  }
  return codeVersionMemo;
}
