// @ts-check
/**
 * Runs a CLI module in this process and, at exit, writes this process's own resource usage
 * (CPU time of all its threads, peak RSS) to a JSON file. Because the CLI runs in-process,
 * the figures are exactly the build's, with no external `time` tool needed.
 *
 * Usage: node measure-child.mjs REPORT.json CLI.js [CLI arguments...]
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [reportPath, cliPath, ...cliArgs] = process.argv.slice(2);
if (!reportPath || !cliPath) {
  console.error("Usage: node measure-child.mjs REPORT.json CLI.js [arguments...]");
  process.exit(2);
}

// The CLI sees the command line it would see if started directly.
process.argv = [process.argv[0] ?? "node", cliPath, ...cliArgs];

process.on("exit", (code) => {
  const usage = process.resourceUsage();
  writeFileSync(
    reportPath,
    JSON.stringify({
      exitCode: code,
      userSeconds: usage.userCPUTime / 1e6,
      systemSeconds: usage.systemCPUTime / 1e6,
      // ru_maxrss is in KiB on Linux.
      peakRssMiB: usage.maxRSS / 1024,
    }),
  );
});

await import(pathToFileURL(cliPath).href);
