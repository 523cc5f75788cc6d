import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./fixture.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The `feedwright` command the tests run: the bundle that `npm start` and the package's bin run. */
export const CLI = path.join(repoRoot, "dist", "bundle", "cli.js");

/** Runs the compiled `feedwright` command (dist/bundle/cli.js, or `cli`) in `cwd` and collects its output. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, cli: string = CLI): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
