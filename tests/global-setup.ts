import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Compiles src/ to dist/ once before the suite, so tests that run the real `feedwright`
 * command (dist/cli.js) never run stale JavaScript, and a type error fails the run.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
}
