import { createHash } from "node:crypto";

/**
 * HTTP validators: strong ETags from file content, and the decision whether
 * a conditional GET/HEAD can be answered with `304 Not Modified`.
 */

/**
 * Returns a strong ETag (quoted) for a body. Built from a content hash rather
 * than size and mtime, because a rebuild rewrites every file with a new mtime
 * even when its bytes are the same, and readers should then get a 304.
 * A compressed variant carries the encoding as a suffix (`"abc-br"`), since a
 * strong ETag names exact bytes.
 */
export function etagFor(body: Uint8Array): string {
  return `"${createHash("sha1").update(body).digest("hex").slice(0, 32)}"`;
}

/** Returns the ETag of a compressed variant of the body whose ETag is `etag`. */
export function encodedEtag(etag: string, encoding: string | null): string {
  return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/** The ETag without quotes, `W/` prefix or encoding suffix, so variants of one file compare equal. */
function etagCore(tag: string): string {
  return tag
    .trim()
    .replace(/^W\//, "")
    .replace(/^"|"$/g, "")
    .replace(/-(br|gzip)$/, "");
}

/** What a conditional request asks and what the file currently is. */
export interface ConditionalCheck {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  etag: string;
  lastModifiedMs: number;
}

/**
 * Returns true when the client's cached copy is still current.
 * `If-None-Match` takes precedence; `If-Modified-Since` is used only when it
 * is absent (RFC 9110, 13.2.2). ETags compare weakly, as that section requires.
 */
export function isNotModified(check: ConditionalCheck): boolean {
  if (check.ifNoneMatch !== undefined) {
    const wanted = etagCore(check.etag);
    return check.ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || etagCore(tag) === wanted);
  }
  if (check.ifModifiedSince !== undefined) {
    const since = Date.parse(check.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    // HTTP dates have whole seconds; compare at that precision.
    return Math.floor(check.lastModifiedMs / 1000) * 1000 <= since;
  }
  return false;
}
