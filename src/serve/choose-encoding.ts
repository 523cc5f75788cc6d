/**
 * Content negotiation for compression: which encoding to send, given the
 * client's `Accept-Encoding` header.
 */

/** Encodings the server can produce, most preferred first (br wins ties). */
export const SUPPORTED_ENCODINGS = ["br", "gzip"] as const;

/** An encoding the server can produce. */
export type ContentEncoding = (typeof SUPPORTED_ENCODINGS)[number];

/**
 * Returns the encoding to use for a response, or `null` for the identity
 * (uncompressed) body. Honours q-values (`br;q=0` forbids br) and `*`;
 * among equally weighted encodings, br is chosen over gzip.
 */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [rawName = "", ...params] = part.split(";");
    const name = rawName.trim().toLowerCase();
    if (name === "") continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) {
        const value = Number(match[1]);
        q = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
      }
    }
    // A repeated coding keeps its highest weight.
    weights.set(name, Math.max(weights.get(name) ?? 0, q));
  }
  const wildcard = weights.get("*");
  let best: ContentEncoding | null = null;
  let bestQ = 0;
  for (const encoding of SUPPORTED_ENCODINGS) {
    const q = weights.get(encoding) ?? (encoding === "gzip" ? weights.get("x-gzip") : undefined) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}
