import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import Parser from "rss-parser";
import { validateXML } from "xmllint-wasm";
import { sharedDir } from "../helpers/fixture.js";

/**
 * The shared folder with the Atom RELAX NG schema and the JSON Feed JSON Schema. Beside the
 * repository (`../shared`) in the main checkout; FEEDWRIGHT_SHARED_DIR points elsewhere (a
 * worktree). Tests that need it are skipped only when it is absent.
 */
export const schemasDir = path.join(process.env.FEEDWRIGHT_SHARED_DIR ?? sharedDir, "schemas");
export const haveSchemas = existsSync(path.join(schemasDir, "atom.rng")) && existsSync(path.join(schemasDir, "jsonfeed", "feed.json"));

let atomSchema: string | undefined;

/** Validates an Atom document against RFC 4287's RELAX NG schema with xmllint (WebAssembly, offline). Returns error messages. */
export async function atomSchemaErrors(xml: string): Promise<string[]> {
  atomSchema ??= readFileSync(path.join(schemasDir, "atom.rng"), "utf8");
  const result = await validateXML({
    xml: { fileName: "atom.xml", contents: xml },
    schema: { fileName: "atom.rng", contents: atomSchema },
    extension: "relaxng",
  });
  return result.errors.map((e) => e.rawMessage);
}

let jsonFeedValidator: ValidateFunction | undefined;

/** Validates a JSON Feed against the Schema Store's JSON Feed 1.1 schema with Ajv. Returns error messages. */
export function jsonFeedSchemaErrors(feed: unknown): string[] {
  if (!jsonFeedValidator) {
    const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
    ajv.addFormat("uri", (value: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(value));
    ajv.addFormat("date-time", (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)));
    // feed-1.json is draft-04 (`id`, `$schema` draft-04), which Ajv 8 reads once renamed to `$id`.
    const version1 = JSON.parse(readFileSync(path.join(schemasDir, "jsonfeed", "feed-1.json"), "utf8")) as Record<string, unknown>;
    const { $schema: _drop, id, ...rest } = version1;
    ajv.addSchema({ ...rest, $id: id });
    jsonFeedValidator = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, "jsonfeed", "feed.json"), "utf8")));
  }
  const valid = jsonFeedValidator(feed);
  return valid ? [] : (jsonFeedValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

/** Our own JSON Feed 1.1 required-field checks (the spec's MUSTs), independent of the schema. */
export function jsonFeedRequiredProblems(feed: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (feed.version !== "https://jsonfeed.org/version/1.1") problems.push("version");
  if (typeof feed.title !== "string") problems.push("title");
  if (!Array.isArray(feed.items)) return [...problems, "items"];
  for (const item of feed.items as Array<Record<string, unknown>>) {
    if (typeof item.id !== "string" || item.id === "") problems.push("item.id");
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string") problems.push("item.content");
  }
  return problems;
}

const rssParser = new Parser({ customFields: { item: [["dc:creator", "creators", { keepArray: true }]] } });

/** Parses RSS or Atom with rss-parser (xml2js underneath): a second, independent feed parser. */
export function parseWithRssParser(xml: string) {
  return rssParser.parseString(xml);
}
