import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import type { ContentEncoding } from "./choose-encoding.js";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies smaller than this are sent as they are: compression would save too little to matter. */
export const COMPRESSION_MIN_BYTES = 256;

/** How many compressed bodies to keep; feeds are re-fetched often, so compressing each once pays off. */
export const COMPRESSION_CACHE_ENTRIES = 256;

/**
 * A small cache of compressed bodies keyed by content ETag and encoding.
 * Keying by content hash means a rebuilt file is recompressed only when its
 * bytes actually changed.
 */
export class CompressionCache {
  readonly #entries = new Map<string, Buffer>();

  /** Returns `body` compressed with `encoding`, from the cache when possible. */
  async compress(etag: string, encoding: ContentEncoding, body: Buffer): Promise<Buffer> {
    const key = `${etag}|${encoding}`;
    const cached = this.#entries.get(key);
    if (cached) {
      // Re-insert so the map's insertion order doubles as least-recently-used order.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const compressed =
      encoding === "br"
        ? await brotliAsync(body, {
            params: {
              // Quality 5 compresses almost as well as 11 at a fraction of the time.
              [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : await gzipAsync(body);
    this.#entries.set(key, compressed);
    if (this.#entries.size > COMPRESSION_CACHE_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return compressed;
  }
}
