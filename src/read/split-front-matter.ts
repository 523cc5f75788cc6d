import matter from "gray-matter";
import { parse as parseToml, TomlError } from "smol-toml";
import { parseYamlFrontMatter } from "./parse-yaml-front-matter.js";

export type FrontMatterFormat = "yaml" | "toml" | "json" | "none";

/** A problem inside the front matter, with its 1-based line in the whole file. */
export interface FrontMatterProblem {
  line: number;
  message: string;
  /** True when nothing usable could be read from the front matter. */
  fatal: boolean;
  /** True when the front matter is never closed: the file may still be being written. */
  unclosed?: boolean;
}

export interface SplitFile {
  format: FrontMatterFormat;
  data: Record<string, unknown>;
  /** Everything after the closing fence. */
  body: string;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line of each top-level front-matter key, so messages can point at it. */
  keyLines: Record<string, number>;
  problems: FrontMatterProblem[];
}

type FenceFormat = "yaml" | "toml" | "json";
type Fence = { open: RegExp; delimiter: string; format: FenceFormat };
type Engines = Record<FenceFormat, (input: string) => Record<string, unknown>>;

/** Opening fences, as data: the fence line decides the language. */
const FENCES: readonly Fence[] = [
  { open: /^---[ \t]*$/, delimiter: "---", format: "yaml" },
  { open: /^---[ \t]*yaml[ \t]*$/i, delimiter: "---", format: "yaml" },
  { open: /^---[ \t]*toml[ \t]*$/i, delimiter: "---", format: "toml" },
  { open: /^---[ \t]*json[ \t]*$/i, delimiter: "---", format: "json" },
  { open: /^\+\+\+[ \t]*$/, delimiter: "+++", format: "toml" },
  { open: /^;;;[ \t]*$/, delimiter: ";;;", format: "json" },
];

/**
 * Splits a file into front matter and body. YAML (`---`), TOML (`+++`, as Hugo writes it)
 * and JSON (`---json`, `;;;`, or a bare `{ ... }` object as Hugo allows) are read.
 * YAML is read with the core schema, so dates stay strings and are read later in the
 * configured time zone (see parseYamlFrontMatter). A YAML error that still leaves a readable
 * mapping is reported as non-fatal; one that leaves nothing usable is fatal.
 */
export function splitFrontMatter(text: string): SplitFile {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  // Most files have no carriage return: they skip the replace.
  const source = withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
  const firstLineEnd = source.indexOf("\n");
  const firstLine = firstLineEnd === -1 ? source : source.slice(0, firstLineEnd);

  if (firstLine.trimStart().startsWith("{")) return splitBareJson(source);

  const fence = FENCES.find((candidate) => candidate.open.test(firstLine));
  if (!fence) return { format: "none", data: {}, body: source, bodyLine: 1, keyLines: {}, problems: [] };

  // Lines are cut only up to the closing fence: the body is taken whole after it.
  const frontLines: string[] = [];
  let closingIndex = -1;
  let bodyStart = source.length;
  for (let lineStart = 0; ; ) {
    const lineEnd = source.indexOf("\n", lineStart);
    const line = lineEnd === -1 ? source.slice(lineStart) : source.slice(lineStart, lineEnd);
    if (frontLines.length > 0 && line.trimEnd() === fence.delimiter) {
      closingIndex = frontLines.length;
      if (lineEnd !== -1) bodyStart = lineEnd + 1;
      break;
    }
    frontLines.push(line);
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  if (closingIndex === -1) {
    return {
      format: fence.format,
      data: {},
      body: "",
      bodyLine: frontLines.length + 1,
      keyLines: {},
      problems: [{ line: 1, message: `front matter opened with "${fence.delimiter}" is never closed; add a closing "${fence.delimiter}" line`, fatal: true, unclosed: true }],
    };
  }

  const problems: FrontMatterProblem[] = [];
  const keyLines = findKeyLines(frontLines, 0);
  const engines: Engines = {
    yaml: (input) => parseYamlFrontMatter(input, problems),
    toml: (input) => parseTomlFrontMatter(input, problems),
    json: (input) => parseJson(input, problems, 2),
  };
  try {
    // gray-matter (a fixed choice of the project) finds the block and picks the engine: a
    // language after the opening fence (`---json`) wins over the fence's own. It is given the
    // file only up to the closing fence (where it looks for the block anyway): it looks its
    // input up in a cache by value, which cost a hash of every whole file.
    const parsed = matter(source.slice(0, bodyStart), { delimiters: fence.delimiter, language: fence.format, engines } as never);
    const data = isRecord(parsed.data) ? parsed.data : {};
    return { format: fence.format, data, body: source.slice(bodyStart), bodyLine: closingIndex + 2, keyLines, problems };
  } catch (error) {
    problems.push({ line: 2, message: `front matter could not be read: ${(error as Error).message}`, fatal: true });
    return { format: fence.format, data: {}, body: "", bodyLine: closingIndex + 2, keyLines, problems };
  }
}

function parseTomlFrontMatter(input: string, problems: FrontMatterProblem[]): Record<string, unknown> {
  try {
    return parseToml(input) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? 1 + error.line : 2;
    problems.push({ line, message: `TOML error: ${firstLineOf((error as Error).message)}`, fatal: true });
    return {};
  }
}

function parseJson(input: string, problems: FrontMatterProblem[], firstLine: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(input);
    if (isRecord(value)) return value;
    problems.push({ line: firstLine, message: "JSON front matter must be an object", fatal: true });
  } catch (error) {
    problems.push({ line: firstLine, message: `JSON error: ${(error as Error).message}`, fatal: true });
  }
  return {};
}

/** Hugo's JSON front matter: a bare object at the top of the file, ended by its matching brace. */
function splitBareJson(source: string): SplitFile {
  const end = matchingBrace(source);
  const problems: FrontMatterProblem[] = [];
  if (end === -1) {
    return {
      format: "json",
      data: {},
      body: "",
      bodyLine: 1,
      keyLines: {},
      problems: [{ line: 1, message: "JSON front matter opened with \"{\" is never closed", fatal: true, unclosed: true }],
    };
  }
  const data = parseJson(source.slice(0, end + 1), problems, 1);
  const rest = source.slice(end + 1);
  const bodyLine = source.slice(0, end + 1).split("\n").length + (rest.startsWith("\n") ? 1 : 0);
  const keyLines = findKeyLines(source.slice(0, end + 1).split("\n"), 0);
  return { format: "json", data, body: rest.replace(/^\r?\n/, ""), bodyLine, keyLines, problems };
}

/** Line numbers of keys written at the start of a line (`key:`, `key =`, `"key":`). */
function findKeyLines(lines: string[], offset: number): Record<string, number> {
  const keyLines: Record<string, number> = {};
  lines.forEach((line, index) => {
    const key = /^\s{0,2}["']?([A-Za-z0-9_-]+)["']?\s*[:=]/.exec(line)?.[1];
    if (key !== undefined && !(key in keyLines)) keyLines[key] = offset + index + 1;
  });
  return keyLines;
}

function matchingBrace(source: string): number {
  let depth = 0;
  let inString = false;
  for (let index = source.indexOf("{"); index < source.length; index++) {
    const char = source[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return index;
  }
  return -1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function firstLineOf(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").trim();
}
