#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { BuildSummary } from "./build.js";
import { VERSION } from "./version.js";

import { EXIT } from "./publish/exit-codes.js";

const BUILD_EXAMPLES = `
Examples:
  $ feedwright build                                  publish ./articles into ./out with feedwright.config.json
  $ feedwright build --articles posts --out public    other folders
  $ feedwright build --site-url https://example.org/ --limit 50
  $ feedwright build --now 2026-12-01T08:00:00Z       publish as if it were that moment
  $ feedwright build --watch                          rebuild whenever an article or the config changes
  $ feedwright serve --watch                          preview at http://127.0.0.1:4173/ and subscribe locally`;

const SERVE_EXAMPLES = `
Examples:
  $ feedwright serve                                  build for http://127.0.0.1:4173/ and serve ./out there
  $ feedwright serve --watch --drafts                 preview drafts, rebuilding on every save
  $ feedwright serve --port 0                         any free port (printed on start)
  $ feedwright serve --host 0.0.0.0 --port 8080       reachable from other machines on your network`;

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("It must be a whole number of at least 1.");
  return Number(value);
}

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError("It must be a port number from 0 to 65535 (0 picks a free one).");
  return Number(value);
}

function isoDateTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError("It must be an ISO 8601 date-time such as 2026-12-01T08:00:00Z.");
  }
  return value;
}

const errorMessages: string[] = [];

function program(): Command {
  const cli = new Command()
    .name("feedwright")
    .description("Publish RSS 2.0, Atom 1.0 and JSON Feed 1.1, with article pages, from a folder of dated articles.")
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    // commander's error text is collected and printed by main() as one line.
    .configureOutput({ outputError: (message) => errorMessages.push(message.trim()) })
    .addHelpText("after", BUILD_EXAMPLES);

  cli
    .command("build")
    .description("publish the articles folder into the output folder")
    .option("--articles <dir>", "folder of article files (default: articlesDir from the config, else ./articles)")
    .option("--out <dir>", "output folder (default: outDir from the config, else ./out)")
    .option("--config <file>", "config file (default: ./feedwright.config.json or .yaml if present)")
    .option("--site-url <url>", "absolute URL the output is served from")
    .option("--limit <n>", "how many newest articles the feeds carry", positiveInteger)
    .option("--now <iso>", "the moment to publish as (articles dated later are held back)", isoDateTime)
    .option("--drafts", "also publish drafts (for previews)")
    .option("--future", "also publish articles dated in the future (for previews)")
    .option("--strict", "treat every problem as fatal: write nothing when any file has one (exit 3)")
    .option("--json", "print a machine-readable JSON report on standard output")
    .addOption(new Option("-q, --quiet", "print nothing but problems").conflicts("verbose"))
    .option("-v, --verbose", "print the summary line even when standard output is not a terminal")
    .option("--watch", "keep running and rebuild whenever an article or the config changes (stop with Ctrl+C)")
    .addHelpText("after", BUILD_EXAMPLES)
    .exitOverride()
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags);
    });

  cli
    .command("check")
    .description("validate the published feeds in DIR (default: the output folder)")
    .argument("[dir]", "folder holding rss.xml, atom.xml, feed.json (default: outDir from the config, else ./out)")
    .option("--config <file>", "config file (default: ./feedwright.config.json or .yaml if present)")
    .option("--site-url <url>", "the URL the folder is served from, for checking self links")
    .option("--strict", "warnings fail the check too")
    .addOption(new Option("-q, --quiet", "print only problems, no summary"))
    .exitOverride()
    .action(async (dir: string | undefined, flags: CheckFlags) => {
      const { runCheck } = await import("./check/run-check.js");
      const result = await runCheck({
        cwd: process.cwd(),
        ...(dir ? { dir } : {}),
        ...(flags.config ? { configFile: flags.config } : {}),
        ...(flags.siteUrl ? { siteUrl: flags.siteUrl } : {}),
        strict: flags.strict ?? false,
      });
      for (const line of result.lines) process.stdout.write(`${line}\n`);
      if (!flags.quiet) process.stdout.write(`${result.summary}\n`);
      process.exitCode = result.exitCode;
    });

  cli
    .command("serve")
    .description("build for a local address and serve the output folder over HTTP, to preview and subscribe before deploying")
    .option("--dir <dir>", "folder to serve and build into (default: outDir from the config, else ./out)")
    .option("--port <n>", "port to listen on; 0 picks a free one", portNumber, 4173)
    .option("--host <host>", "address to listen on; 0.0.0.0 for every interface", "127.0.0.1")
    .option("--watch", "rebuild whenever an article or the config changes")
    .option("--articles <dir>", "folder of article files (default: articlesDir from the config, else ./articles)")
    .option("--config <file>", "config file (default: ./feedwright.config.json or .yaml if present)")
    .option("--drafts", "also publish drafts (for previews)")
    .option("--future", "also publish articles dated in the future (for previews)")
    .addOption(new Option("-q, --quiet", "do not log each request"))
    .addHelpText("after", SERVE_EXAMPLES)
    .exitOverride()
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServeCommand(flags);
    });

  cli
    .command("inspect")
    .description("show what feedwright derives from each file (title, dates, summary, credits) and where each value came from")
    .argument("<files...>", "article files (.md, .markdown, .txt)")
    .option("--json", "print one JSON array, one object per file")
    .option("--config <file>", "config file (default: ./feedwright.config.json or .yaml if present)")
    .addHelpText("after", INSPECT_EXAMPLES)
    .exitOverride()
    .action(async (files: string[], flags: InspectFlags) => {
      process.exitCode = await runInspect(files, flags);
    });
  return cli;
}

const INSPECT_EXAMPLES = `
Examples:
  $ feedwright inspect articles/2021-10-19-helsinki.txt
  $ feedwright inspect --json articles/*.txt > derived.json`;

interface InspectFlags {
  json?: boolean;
  config?: string;
}

async function runInspect(files: string[], flags: InspectFlags): Promise<number> {
  const { inspectFiles, formatInspectText, isUnreadable } = await import("./inspect.js");
  const records = await inspectFiles(files, flags.config ? { configFile: flags.config } : {});
  process.stdout.write(flags.json ? `${JSON.stringify(records, null, 2)}\n` : `${formatInspectText(records)}\n`);
  return records.some(isUnreadable) ? EXIT.warnings : EXIT.ok;
}

interface CheckFlags {
  config?: string;
  siteUrl?: string;
  strict?: boolean;
  quiet?: boolean;
}

interface BuildFlags {
  articles?: string;
  out?: string;
  config?: string;
  siteUrl?: string;
  limit?: number;
  now?: string;
  drafts?: boolean;
  future?: boolean;
  strict?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  watch?: boolean;
  /** Not a flag: `serve` turns WebSub pings off. */
  websub?: boolean;
}

interface ServeFlags {
  dir?: string;
  port: number;
  host: string;
  watch?: boolean;
  articles?: string;
  config?: string;
  drafts?: boolean;
  future?: boolean;
  quiet?: boolean;
}

const statusLine = (line: string) => void process.stdout.write(`${line}\n`);

async function runBuild(flags: BuildFlags): Promise<number> {
  const { exitCode, summary } = await buildAndReport(flags);
  if (!flags.watch) return exitCode;
  const { startBuildWatch } = await import("./watch/start-build-watch.js");
  const { closeOnSignals } = await import("./serve/close-on-signals.js");
  const watch = await startBuildWatch({
    cwd: process.cwd(),
    ...(flags.config ? { configFile: flags.config } : {}),
    articlesDir: summary.articlesDir,
    outDir: summary.outDir,
    rebuild: async () => void (await buildAndReport(flags)),
    log: statusLine,
  });
  closeOnSignals(() => watch.close(), statusLine);
  return exitCode;
}

async function runServeCommand(flags: ServeFlags): Promise<number> {
  const { serveCommand } = await import("./serve/serve-command.js");
  const { closeOnSignals } = await import("./serve/close-on-signals.js");
  const running = await serveCommand({
    cwd: process.cwd(),
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.articles ? { articlesDir: flags.articles } : {}),
    ...(flags.dir ? { dir: flags.dir } : {}),
    host: flags.host,
    port: flags.port,
    watch: flags.watch ?? false,
    // A public hub cannot fetch 127.0.0.1, so local previews never ping it.
    build: async ({ outDir, siteUrl }) =>
      void (await buildAndReport({ ...flags, out: outDir, siteUrl, quiet: false, watch: flags.watch ?? false, websub: false })),
    log: statusLine,
    ...(flags.quiet ? {} : { requestLog: statusLine }),
  });
  closeOnSignals(() => running.close(), statusLine);
  return EXIT.ok;
}

/** Runs one build, prints its problems and summary, and says which exit code it deserves. */
async function buildAndReport(flags: BuildFlags): Promise<{ exitCode: number; summary: BuildSummary }> {
  // Loaded here, not at the top, so --help and --version stay fast.
  const [{ build }, report] = await Promise.all([import("./build.js"), import("./cli/report.js")]);
  const interactive = process.stdout.isTTY === true && !flags.quiet && !flags.json;
  const progress = report.progressBar(process.stderr);
  const summary = await build({
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.articles ? { articlesDir: flags.articles } : {}),
    ...(flags.out ? { outDir: flags.out } : {}),
    ...(flags.siteUrl ? { siteUrl: flags.siteUrl } : {}),
    ...(flags.limit ? { feedLimit: flags.limit } : {}),
    ...(flags.now ? { now: flags.now } : {}),
    drafts: flags.drafts ?? false,
    future: flags.future ?? false,
    strict: flags.strict ?? false,
    ...(interactive ? { onProgress: progress.update } : {}),
    ...(flags.websub === false ? { websub: false } : {}),
    // Under --watch the watcher's quiet period already waits for writes to finish; a settle
    // time on top would hold a just-saved article back with no later event to publish it.
    ...(flags.watch ? { config: { settleSeconds: 0 } } : {}),
  });
  progress.finish();
  const problems = summary.skipped.length + summary.warnings.length + summary.websub.warnings.length;
  const exitCode = summary.refused ? EXIT.failed : problems > 0 ? EXIT.warnings : EXIT.ok;
  for (const line of report.problemLines(summary)) process.stderr.write(`${line}\n`);
  for (const warning of summary.websub.warnings) process.stderr.write(`feedwright: warning: ${warning}\n`);
  if (flags.json) process.stdout.write(report.jsonReport(summary, exitCode));
  else if (interactive || flags.verbose) {
    for (const line of report.problemLines(summary, summary.pending)) process.stderr.write(`note: ${line}\n`);
    process.stdout.write(`${report.summaryLine(summary)}\n`);
  } else if (summary.refused) {
    process.stderr.write(`${report.summaryLine(summary)}\n`);
  }
  return { exitCode, summary };
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      const message = (errorMessages.at(-1) ?? error.message).replace(/^error:\s*/i, "");
      process.stderr.write(`feedwright: ${message.replace(/\.$/, "")}; run "feedwright --help" for usage.\n`);
      return EXIT.usage;
    }
    const [{ UsageError, PublishError }, { LockHeldError }] = await Promise.all([import("./errors.js"), import("./publish/lock.js")]);
    if (error instanceof LockHeldError) {
      process.stderr.write(`feedwright: ${error.message}\n`);
      return EXIT.locked;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`feedwright: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof PublishError) {
      process.stderr.write(`feedwright: ${error.message}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`feedwright: unexpected failure: ${(error as Error).message ?? String(error)}. Please report it with the command you ran.\n`);
    return EXIT.failed;
  }
}

// A reader that stops early (`feedwright --help | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv);
