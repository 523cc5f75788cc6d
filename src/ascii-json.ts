import { isAscii } from "node:buffer";
import { readFile } from "node:fs/promises";

/**
 * Large JSON files (the article cache, the build state) are written in ASCII and read back
 * with {@link readTextFile}: decoding ten megabytes of UTF-8 costs a run that changed one
 * article tens of milliseconds, and a string with any character past U+00FF parses slower.
 */

const NON_ASCII = /[\u007f-\uffff]/;
const EVERY_NON_ASCII = new RegExp(NON_ASCII.source, "g");

/**
 * JSON text with every character outside printable ASCII written as a `\uXXXX` escape (a
 * character past U+FFFF as its two surrogates): the same value for `JSON.parse`, in bytes
 * that are ASCII whatever the encoding. Only for JSON text, where such characters can occur
 * only inside strings.
 */
export function escapeNonAscii(json: string): string {
  return NON_ASCII.test(json) ? json.replace(EVERY_NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/**
 * A file's text decoded as UTF-8 (invalid sequences become U+FFFD, as `toString("utf8")`
 * makes them). An all-ASCII file, the common case for files written through
 * {@link escapeNonAscii}, is decoded as Latin-1, which gives the same string several times faster.
 */
export async function readTextFile(file: string): Promise<string> {
  const bytes = await readFile(file);
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}
