import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { UsageError } from "../errors.js";
import { codeVersion } from "../version.js";
import type { SiteConfig, UserConfig } from "./schema.js";

/**
 * Where a validated config is remembered, relative to the config's folder (the cache folder):
 * loading zod and validating costs a fifth of a no-change run, and the same input always
 * validates to the same config.
 */
export const CONFIG_MEMO_FILE = path.join(".feedwright-cache", "config.json");

/** File names looked for, in order, when no `--config` is given. */
export const CONFIG_FILE_NAMES = ["feedwright.config.json", "feedwright.config.yaml", "feedwright.config.yml"];

export interface LoadedConfig {
  config: SiteConfig;
  /** The file read, or null when only defaults and overrides were used. */
  file: string | null;
  /** Absolute folders, resolved against the config file's folder (or `cwd`). */
  articlesDir: string;
  outDir: string;
}

/**
 * Loads the configuration: the given file, else the first of CONFIG_FILE_NAMES in `cwd`,
 * else defaults; then `overrides` (from flags or the API) on top. Everything is validated
 * together, and any problem becomes one `UsageError` whose message names the file, the
 * key and what to write instead.
 */
export async function loadConfig(options: {
  cwd: string;
  file?: string;
  values?: UserConfig;
  overrides?: UserConfig;
  /** Remember the validated config in the cache folder and reuse it while the input is the same (build does, unless its cache is off). */
  memo?: boolean;
}): Promise<LoadedConfig> {
  const file = options.file ? path.resolve(options.cwd, options.file) : findConfigFile(options.cwd);
  let fromFile: unknown = {};
  if (file) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new UsageError(`cannot read the config file ${file}: check the path given to --config.`);
    }
    fromFile = await parseConfigText(text, file);
  }
  const merged = { ...(fromFile as object), ...(options.values ?? {}), ...dropUndefined(options.overrides ?? {}) };
  const base = file ? path.dirname(file) : options.cwd;
  const memoFile = path.join(base, CONFIG_MEMO_FILE);
  // Node's version too: which time zones exist depends on its ICU data.
  const memoKey = createHash("sha256").update(JSON.stringify([codeVersion(), process.version, merged])).digest("hex");
  let config = options.memo ? readConfigMemo(memoFile, memoKey) : null;
  if (!config) {
    const { configSchema } = await import("./schema.js");
    const result = configSchema.safeParse(merged);
    if (!result.success) throw new UsageError(describeIssues(result.error.issues, file ?? "configuration"));
    config = result.data;
    if (options.memo) writeConfigMemo(memoFile, memoKey, config);
  }
  return {
    config,
    file,
    articlesDir: path.resolve(base, config.articlesDir),
    outDir: path.resolve(base, config.outDir),
  };
}

/** The config remembered for `key`, or null (missing, unreadable, another input). */
function readConfigMemo(memoFile: string, key: string): SiteConfig | null {
  try {
    const memo = JSON.parse(readFileSync(memoFile, "utf8")) as { key?: unknown; config?: unknown };
    return memo.key === key && typeof memo.config === "object" && memo.config !== null ? (memo.config as SiteConfig) : null;
  } catch {
    return null;
  }
}

/** Remembers a validated config; best effort, written whole (temp file and rename) or not at all. */
function writeConfigMemo(memoFile: string, key: string, config: SiteConfig): void {
  try {
    mkdirSync(path.dirname(memoFile), { recursive: true });
    const temp = `${memoFile}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ key, config })}\n`);
    renameSync(temp, memoFile);
  } catch {
    // Only a later run's start-up is slower.
  }
}

function findConfigFile(cwd: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

// yaml is loaded only for a YAML config: most runs never need it.
async function parseConfigText(text: string, file: string): Promise<unknown> {
  try {
    const value: unknown = file.endsWith(".json") ? JSON.parse(text) : (await import("yaml")).parse(text, { schema: "core" });
    if (value === null || value === undefined) return {};
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new UsageError(`${file}: the config must be an object of keys and values.`);
    }
    return value;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message.split("\n")[0];
    throw new UsageError(`${file}: cannot parse the config (${message}); fix the syntax and run again.`);
  }
}

function describeIssues(issues: z.core.$ZodIssue[], where: string): string {
  const lines = issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${[...issue.path, k].join(".")}"`).join(", ")}; check the spelling against the README's list of config keys`;
    }
    const key = issue.path.join(".") || "(top level)";
    return `"${key}" ${issue.message.replace(/^Invalid input: /, "")}`;
  });
  return `${where}: ${lines.join("; ")}.`;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type { SiteConfig, UserConfig };
