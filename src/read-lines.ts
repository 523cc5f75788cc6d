import { isAscii } from "node:buffer";
import { open } from "node:fs/promises";

/** Bytes read at a time by {@link readAsciiLines}. */
const CHUNK_BYTES = 1 << 20;

/**
 * Calls `onLine` with each line of the file (without its `\n`; a last line without one too),
 * reading a megabyte at a time, so a file of hundreds of megabytes is never one string.
 * `onLine` returns false to stop reading. For files written in ASCII (ascii-json.ts
 * `escapeNonAscii`), such as the article cache: a byte outside ASCII is an error
 * ({@link NotAsciiError}), since the file was not written by feedwright.
 */
export async function readAsciiLines(
  file: string,
  onLine: (line: string) => boolean,
  /**
   * Called first with the bytes of each line that lies within one chunk (`chunk[start..end)`):
   * false skips the line without making it a string, for a caller that wants a few lines of many.
   * A line that spans chunks is always passed to `onLine`.
   */
  wanted?: (chunk: Buffer, start: number, end: number) => boolean,
): Promise<void> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    // The start of a line whose end is in a later chunk.
    let partial = "";
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      if (!isAscii(chunk)) throw new NotAsciiError(file);
      let start = 0;
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
        if (partial === "" && wanted && !wanted(chunk, start, end)) {
          start = end + 1;
          continue;
        }
        const line = partial + chunk.toString("latin1", start, end);
        partial = "";
        start = end + 1;
        if (!onLine(line)) return;
      }
      partial += chunk.toString("latin1", start);
    }
    if (partial !== "") onLine(partial);
  } finally {
    await handle.close();
  }
}

/** A file {@link readAsciiLines} was given holds a byte outside ASCII. */
export class NotAsciiError extends Error {
  constructor(readonly file: string) {
    super(`${file} is not ASCII text`);
  }
}
