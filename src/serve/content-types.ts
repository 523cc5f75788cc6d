/**
 * How each kind of file in `out/` is served: its `Content-Type`, whether it
 * is worth compressing, and how long caches may keep it.
 *
 * Feeds and pages change with every build, so caches keep them briefly;
 * stylesheets, scripts and images change rarely, so caches keep them longer.
 */

/** How one kind of file is served. */
export interface ContentKind {
  contentType: string;
  /** Text formats shrink well; images and archives are already compressed. */
  compressible: boolean;
  cacheControl: string;
}

/** `Cache-Control` for things rebuilt on every run (feeds, pages). */
export const SHORT_CACHE = "public, max-age=60";
/** `Cache-Control` for assets that rarely change between builds. */
export const LONG_CACHE = "public, max-age=3600";
/** `Cache-Control` for images and fonts. */
export const IMMUTABLE_ISH_CACHE = "public, max-age=86400";

const feed = (contentType: string): ContentKind => ({ contentType, compressible: true, cacheControl: SHORT_CACHE });
const asset = (contentType: string): ContentKind => ({ contentType, compressible: true, cacheControl: LONG_CACHE });
const binary = (contentType: string): ContentKind => ({ contentType, compressible: false, cacheControl: IMMUTABLE_ISH_CACHE });

/**
 * Whole file names that get a specific type regardless of extension.
 * Matched case-insensitively against the last path segment.
 */
export const CONTENT_KIND_BY_FILE_NAME: Readonly<Record<string, ContentKind>> = {
  "rss.xml": feed("application/rss+xml; charset=utf-8"),
  "atom.xml": feed("application/atom+xml; charset=utf-8"),
  "feed.json": feed("application/feed+json; charset=utf-8"),
};

/** Types by extension (lower case, with the dot). */
export const CONTENT_KIND_BY_EXTENSION: Readonly<Record<string, ContentKind>> = {
  ".rss": feed("application/rss+xml; charset=utf-8"),
  ".atom": feed("application/atom+xml; charset=utf-8"),
  ".xml": feed("application/xml; charset=utf-8"),
  ".html": feed("text/html; charset=utf-8"),
  ".htm": feed("text/html; charset=utf-8"),
  ".json": feed("application/json; charset=utf-8"),
  ".txt": feed("text/plain; charset=utf-8"),
  ".xsl": asset("text/xsl; charset=utf-8"),
  ".xslt": asset("text/xsl; charset=utf-8"),
  ".css": asset("text/css; charset=utf-8"),
  ".js": asset("text/javascript; charset=utf-8"),
  ".mjs": asset("text/javascript; charset=utf-8"),
  ".svg": asset("image/svg+xml"),
  ".webmanifest": asset("application/manifest+json"),
  ".map": asset("application/json; charset=utf-8"),
  ".png": binary("image/png"),
  ".jpg": binary("image/jpeg"),
  ".jpeg": binary("image/jpeg"),
  ".gif": binary("image/gif"),
  ".webp": binary("image/webp"),
  ".avif": binary("image/avif"),
  ".ico": binary("image/x-icon"),
  ".woff": binary("font/woff"),
  ".woff2": binary("font/woff2"),
  ".pdf": binary("application/pdf"),
};

/** Anything not listed: served as bytes, never sniffed by the browser as HTML. */
export const FALLBACK_CONTENT_KIND: ContentKind = binary("application/octet-stream");

/** Returns how a file should be served, judged by its name (the last path segment). */
export function contentKindFor(fileName: string): ContentKind {
  const name = (fileName.split("/").pop() ?? "").toLowerCase();
  const byName = CONTENT_KIND_BY_FILE_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf(".");
  if (dot < 0) return FALLBACK_CONTENT_KIND;
  return CONTENT_KIND_BY_EXTENSION[name.slice(dot)] ?? FALLBACK_CONTENT_KIND;
}
