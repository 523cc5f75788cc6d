import type { FieldOrigin } from "../article.js";

/** Each field origin as one string the whole program shares. */
const SHARED = new Map<string, FieldOrigin>((["front-matter", "text", "file-name", "config"] as const).map((origin) => [origin, origin]));

/**
 * Replaces each value of `origin` with the program's own copy of that string, in place. An
 * article that crossed from a worker thread carries its own copy of every string, and a field
 * origin is one of four words repeated about nine times per article: 85,000 strings and
 * 2.7 MB held to the end of a 10,000-article build, ten times that at 100,000.
 */
export function shareOriginStrings(origin: Record<string, FieldOrigin>): void {
  for (const field of Object.keys(origin)) {
    const shared = SHARED.get(origin[field] as string);
    if (shared !== undefined) origin[field] = shared;
  }
}
