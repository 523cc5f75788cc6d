import path from "node:path";
import type { FieldOrigin, ImageCredit } from "./article.js";
import { loadConfig, type UserConfig } from "./config/load-config.js";
import { resolveArticleFields } from "./derive/derive-article.js";
import { decodeSource, readSourceBytes } from "./read/read-source.js";
import { splitFrontMatter } from "./read/split-front-matter.js";

/** What `feedwright inspect` reports for one file: exactly these keys, in this order. */
export interface InspectRecord {
  file: string;
  title: string | null;
  /** ISO 8601 with offset. */
  published: string | null;
  updated: string | null;
  /** Plain text: the full lead paragraph, before the feed's cut. */
  summary: string | null;
  author: string | null;
  imageCredits: ImageCredit[];
  mainImageCredit: string | null;
  tags: string[];
  origin: Record<string, FieldOrigin>;
  warnings: string[];
}

export interface InspectOptions {
  /** Folder relative paths resolve against; defaults to `process.cwd()`. */
  cwd?: string;
  /** Config file; defaults to the first `feedwright.config.{json,yaml,yml}` in `cwd`. */
  configFile?: string;
  config?: UserConfig;
}

/** Record keys that have an origin worth showing. */
const ORIGIN_FIELDS = ["title", "published", "updated", "summary", "author", "imageCredits", "mainImageCredit", "tags"] as const;

/**
 * Shows what feedwright derives from each file and where each value came from, exactly as
 * `build` would derive it (same config, same precedence), without writing anything. A file
 * that cannot be read gets a record with only a warning.
 */
export async function inspectFiles(files: string[], options: InspectOptions = {}): Promise<InspectRecord[]> {
  const cwd = options.cwd ?? process.cwd();
  const { config } = await loadConfig({
    cwd,
    ...(options.configFile ? { file: options.configFile } : {}),
    ...(options.config ? { values: options.config } : {}),
  });
  const records: InspectRecord[] = [];
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    const read = await readSourceBytes(path.dirname(absolute), path.basename(absolute));
    const source = read.ok ? decodeSource(file, read.bytes, false) : read;
    if (!source.ok) {
      const missing = source.diagnostic.message.includes("ENOENT");
      records.push(emptyRecord(file, [missing ? "file not found; check the path" : source.diagnostic.message.replace(/; the file is skipped$/, "")]));
      continue;
    }
    const resolved = resolveArticleFields(path.basename(absolute), splitFrontMatter(source.text), config, source.warnings);
    const origin: Record<string, FieldOrigin> = {};
    const fromFile = resolved.origin.authors !== "config";
    for (const field of ORIGIN_FIELDS) {
      const from = resolved.origin[field === "author" ? "authors" : field];
      if (from && (field !== "author" || fromFile)) origin[field] = from;
    }
    if (resolved.lead === "") delete origin.summary;
    records.push({
      file,
      title: resolved.title,
      published: resolved.published,
      updated: resolved.updated,
      summary: resolved.lead === "" ? null : resolved.lead,
      author: fromFile && resolved.authors.length > 0 ? resolved.authors.map((person) => person.name).join(", ") : null,
      imageCredits: resolved.imageCredits,
      mainImageCredit: resolved.mainImageCredit,
      tags: resolved.tags,
      origin,
      warnings: resolved.diagnostics.map((d) => (d.line && d.line > 1 ? `line ${d.line}: ${d.message}` : d.message)),
    });
  }
  return records;
}

/** True when a record stands for a file that could not be read. */
export function isUnreadable(record: InspectRecord): boolean {
  return record.title === null && record.summary === null && Object.keys(record.origin).length === 0 && record.warnings.length > 0;
}

/** The readable form of inspect records: one block per file, each value with its origin. */
export function formatInspectText(records: InspectRecord[]): string {
  return records
    .map((record) => {
      const line = (label: string, value: string | null, field?: string) => {
        const from = field ? record.origin[field] : undefined;
        return `  ${`${label}:`.padEnd(20)}${value ?? "(none)"}${from ? `  [${from}]` : ""}`;
      };
      const lines = [
        record.file,
        line("title", record.title, "title"),
        line("published", record.published, "published"),
        line("updated", record.updated, "updated"),
        line("author", record.author, "author"),
        line("summary", record.summary, "summary"),
        line("main image credit", record.mainImageCredit, "mainImageCredit"),
      ];
      if (record.imageCredits.length === 0) lines.push(line("image credits", null));
      else {
        lines.push(`  ${"image credits:".padEnd(20)}${record.imageCredits.length}${record.origin.imageCredits ? `  [${record.origin.imageCredits}]` : ""}`);
        for (const credit of record.imageCredits) lines.push(`    - ${credit.caption ?? "(no caption)"} — ${credit.credit}`);
      }
      lines.push(line("tags", record.tags.length > 0 ? record.tags.join(", ") : null, "tags"));
      for (const warning of record.warnings) lines.push(`  warning: ${warning}`);
      return lines.join("\n");
    })
    .join("\n\n");
}

function emptyRecord(file: string, warnings: string[]): InspectRecord {
  return {
    file,
    title: null,
    published: null,
    updated: null,
    summary: null,
    author: null,
    imageCredits: [],
    mainImageCredit: null,
    tags: [],
    origin: {},
    warnings,
  };
}
