import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Compiles src/ to dist/ once before the suite, so tests that run the real `feedwright`
 * command (dist/bundle/cli.js) never run stale JavaScript, and a type error fails the run.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  // The same two steps as `npm run build:ts`: the compiled library, then the CLI's bundle.
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  execFileSync("npm", ["run", "--silent", "build:bundle"], { cwd: root, stdio: "inherit" });
}
