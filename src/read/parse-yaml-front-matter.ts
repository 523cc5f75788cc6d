import { createRequire } from "node:module";
import yaml from "js-yaml";
import type { FrontMatterProblem } from "./split-front-matter.js";
import { YAML_CORE_SCHEMA } from "./yaml-core-schema.js";

/**
 * Signs of YAML that js-yaml and the `yaml` package may read differently, as data. Front
 * matter showing any of them (or an error) is read by `yaml`, as it always was; the rest by
 * js-yaml. A sign may fire on harmless text ("*" inside a title): that costs only speed.
 */
export const FULL_PARSER_SIGNS: ReadonlyArray<{ sign: RegExp; why: string }> = [
  { sign: /\*/, why: "an alias: `yaml` refuses more than 100 as a resource-exhaustion guard" },
  { sign: /\r/, why: "a carriage return (files are read with \\n line ends)" },
  { sign: /^ *\t/m, why: "a tab in indentation" },
  { sign: /^(?:---|\.\.\.)/m, why: "a document marker" },
  { sign: /(?:^|[\s[{,])!/, why: "a tag" },
  { sign: /^%/m, why: "a directive" },
  { sign: /(?:^|[\s[{,])\?(?:\s|$)/, why: "a complex key" },
  { sign: /[\]}][ \t]*:(?:\s|$)/, why: "a list or mapping as a key" },
  { sign: /(?:^|[\s[{,])(?:~|null|Null|NULL)?[ \t]*:(?:[\s,\]}]|$)/, why: "a null key" },
  { sign: /[{,][ \t]*(?:~|null|Null|NULL)[ \t]*[,}]/, why: "a null key in a flow mapping" },
  { sign: /[\]}"']#/, why: "a comment glued to a closing bracket or quote" },
  { sign: /[|>][-+]?[1-9]/, why: "a block scalar indentation indicator" },
  { sign: /[|>][1-9]?\+/, why: "a block scalar keeping its final line breaks" },
  { sign: /^ *-[ \t]+-(?:[ \t]|$)/m, why: "a compact nested list (\"- - x\")" },
];

/**
 * Reads YAML front matter with the YAML 1.2 core schema, so dates stay strings. The common
 * case goes through js-yaml (several times faster); front matter with an error, or with
 * syntax the two libraries could read differently, goes through the `yaml` package, which
 * recovers what it can from a broken mapping and says on which line (a YAML error that
 * still leaves a readable mapping is non-fatal; one that leaves nothing usable is fatal).
 * `input` starts on the opening fence's line, so its first line is the file's line 1.
 */
export function parseYamlFrontMatter(input: string, problems: FrontMatterProblem[]): Record<string, unknown> {
  if (needsYamlPackage(input)) return parseWithYamlPackage(input, problems);
  let value: unknown;
  try {
    // json: a repeated key takes the last value, as `yaml` does with uniqueKeys off, instead of throwing.
    value = yaml.load(input, { schema: YAML_CORE_SCHEMA, json: true });
  } catch {
    return parseWithYamlPackage(input, problems);
  }
  // Anything but a mapping is rare (a lone scalar, a list, an anchor alone): let `yaml` read and report it.
  return isRecord(value) ? value : parseWithYamlPackage(input, problems);
}

/** True when the front matter shows a sign of YAML that js-yaml could read differently from `yaml`. */
export function needsYamlPackage(input: string): boolean {
  return (
    FULL_PARSER_SIGNS.some(({ sign }) => sign.test(input)) ||
    hasQuoteOpenAtLineEnd(input) ||
    hasFlowOpenAtLineEnd(input) ||
    hasUnevenSequenceIndent(input)
  );
}

/** A quote that starts a quoted scalar: at the start of a line or after a space, tab or flow indicator. */
const QUOTE_START = /(?:^|[ \t[{,])(["'])/gm;

/**
 * True when a quoted scalar runs on past the end of its line. js-yaml accepts continuation
 * lines that YAML says must be indented (and `yaml` reports), so such front matter is left
 * to `yaml`. An apostrophe inside a word ("it's") does not start a quoted scalar.
 */
export function hasQuoteOpenAtLineEnd(input: string): boolean {
  QUOTE_START.lastIndex = 0;
  for (let start = QUOTE_START.exec(input); start !== null; start = QUOTE_START.exec(input)) {
    const quote = start[1]!;
    let index = start.index + start[0].length;
    for (;;) {
      const char = input[index];
      if (char === undefined || char === "\n") {
        QUOTE_START.lastIndex = 0;
        return true;
      }
      index += 1;
      if (quote === '"' && char === "\\") index += input[index] === "\n" ? 0 : 1;
      else if (char === quote) {
        if (quote === "'" && input[index] === "'") index += 1;
        else break;
      }
    }
    QUOTE_START.lastIndex = index;
  }
  return false;
}

/**
 * True when a line opens more flow brackets ("[", "{") than it closes: a flow collection
 * running over several lines, whose continuation lines js-yaml reads more leniently than
 * `yaml`. Brackets inside text count too, which only sends such front matter to `yaml`.
 */
export function hasFlowOpenAtLineEnd(input: string): boolean {
  let depth = 0;
  for (let index = 0; index < input.length; index += 1) {
    const code = input.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) depth += 1;
    else if (code === 0x5d || code === 0x7d) depth -= 1;
    else if (code === 0x0a) {
      if (depth > 0) return true;
      depth = 0;
    }
  }
  return depth > 0;
}

/** A block sequence entry: group 1 is its indentation. */
const SEQUENCE_ENTRY = /^( *)-(?:[ \t]|$)/gm;

/**
 * True when block sequence entries ("- x") start at more than one indentation. js-yaml takes
 * an entry indented less than the ones before it as part of the same list, where `yaml`
 * (and YAML) says it is not; nested lists land here too, and are rare in front matter.
 */
export function hasUnevenSequenceIndent(input: string): boolean {
  let indent: number | undefined;
  SEQUENCE_ENTRY.lastIndex = 0;
  for (let entry = SEQUENCE_ENTRY.exec(input); entry !== null; entry = SEQUENCE_ENTRY.exec(input)) {
    const width = entry[1]!.length;
    if (indent !== undefined && width !== indent) {
      SEQUENCE_ENTRY.lastIndex = 0;
      return true;
    }
    indent = width;
  }
  return false;
}

const require = createRequire(import.meta.url);
let yamlPackage: typeof import("yaml") | undefined;

/** The `yaml` package's reading, with its problems; loaded only when first needed, as errors are rare. */
function parseWithYamlPackage(input: string, problems: FrontMatterProblem[]): Record<string, unknown> {
  yamlPackage ??= require("yaml") as typeof import("yaml");
  const document = yamlPackage.parseDocument(input, { schema: "core", prettyErrors: true, uniqueKeys: false });
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const usable = isRecord(value);
  for (const error of document.errors) {
    const line = 1 + (error.linePos?.[0]?.line ?? 1);
    problems.push({ line, message: `YAML error: ${firstLineOf(error.message)}`, fatal: !usable });
  }
  if (!usable && value !== null && value !== undefined && document.errors.length === 0) {
    problems.push({ line: 2, message: "front matter must be a mapping of keys to values", fatal: true });
  }
  return usable ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function firstLineOf(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").trim();
}
