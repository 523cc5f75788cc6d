import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../article.js";

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads one article file as text. Files holding NUL bytes are binary and refused; text
 * that is not valid UTF-8 is refused with a message saying how to fix it. A UTF-8 byte
 * order mark is dropped and CRLF line endings become LF.
 */
export async function readSource(articlesDir: string, sourcePath: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(articlesDir, sourcePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { ok: false, diagnostic: { file: sourcePath, message: `cannot read the file (${code}); check its permissions; the file is skipped` } };
  }
  if (bytes.includes(0)) {
    return { ok: false, diagnostic: { file: sourcePath, message: "binary file (it contains NUL bytes), not an article; the file is skipped" } };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, diagnostic: { file: sourcePath, message: "not valid UTF-8 text; save the file as UTF-8; the file is skipped" } };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n") };
}
