import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../article.js";
import { decodeText } from "./decode.js";

export type ReadResult =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; diagnostic: Diagnostic };

/**
 * Reads one article file as text. Files holding NUL bytes (other than UTF-16 with a BOM)
 * are binary and refused. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded;
 * other bytes are read as the likeliest legacy single-byte encoding (Windows-1252,
 * ISO-8859-2, ...), with a warning when the guess is uncertain. CRLF becomes LF.
 */
export async function readSource(articlesDir: string, sourcePath: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(articlesDir, sourcePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { ok: false, diagnostic: { file: sourcePath, message: `cannot read the file (${code}); check its permissions; the file is skipped` } };
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) {
    return { ok: false, diagnostic: { file: sourcePath, message: "binary file (it contains NUL bytes), not an article; the file is skipped" } };
  }
  const decoded = decodeText(bytes);
  return { ok: true, text: decoded.text.replace(/^\uFEFF/, ""), encoding: decoded.encoding, warnings: decoded.warnings };
}
