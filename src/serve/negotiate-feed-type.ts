/** Feed types that browsers will not style with the feed's XSL stylesheet. */
const FEED_TYPES = ["application/rss+xml", "application/atom+xml"];

/** What a browser is sent instead: a type it renders as XML, applying `<?xml-stylesheet?>`. */
export const BROWSER_FEED_TYPE = "application/xml; charset=utf-8";

/**
 * The Content-Type to send for a file, given the request's Accept header. Browsers show
 * `application/rss+xml` as plain text (Chromium) or offer to download it, so the XSL browser
 * view never appears; a request that asks for HTML and names no feed type is a browser, and
 * gets the same bytes as `application/xml`. Feed readers, which name the feed types or send
 * no Accept at all, always get the feed's own type.
 */
export function negotiateFeedType(contentType: string, accept: string | undefined): string {
  if (!FEED_TYPES.some((type) => contentType.startsWith(type))) return contentType;
  if (accept === undefined) return contentType;
  const asked = accept.toLowerCase();
  const wantsHtml = asked.includes("text/html");
  const namesFeedType = asked.includes("rss+xml") || asked.includes("atom+xml");
  return wantsHtml && !namesFeedType ? BROWSER_FEED_TYPE : contentType;
}

/** True when the Content-Type of this file depends on the Accept header (caches must know). */
export function variesByAccept(contentType: string): boolean {
  return FEED_TYPES.some((type) => contentType.startsWith(type));
}
