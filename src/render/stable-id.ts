/**
 * Ids already written as absolute URIs are kept; everything else is wrapped in a `tag:` URI.
 * Data, not branches: a scheme is trusted only when its whole value matches its pattern.
 */
export const URI_ID_PATTERNS: ReadonlyArray<{ scheme: string; pattern: RegExp }> = [
  // RFC 2141: urn:<NID>:<NSS>, without characters XML or readers mangle.
  { scheme: "urn", pattern: /^urn:[a-z0-9][a-z0-9-]{0,31}:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#]+$/i },
  // RFC 4151: tag:<authority>,<date>:<specific>
  { scheme: "tag", pattern: /^tag:[a-z0-9.@-]+,\d{4}(-\d{2}(-\d{2})?)?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?%#]*$/i },
];

/** Characters RFC 4151 allows unencoded in a tag URI's specific part (pchar, "/", "?"). */
const TAG_SPECIFIC_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

/**
 * The identity an item is published under (RSS `guid`, Atom `id`, JSON Feed `id`): always an
 * absolute URI, and a pure function of the article's id, the site's host and `idDate`, so it
 * never changes when the article's text, title, tags, date or file change.
 * - an http(s) URL (the permalink, or an explicit `id: https://...`) is kept (normalised);
 * - an explicit `urn:` or `tag:` URI is kept as written;
 * - any other explicit id (`post-123`) becomes `tag:<site host>,<idDate>:<id>` (RFC 4151),
 *   percent-encoding what a tag URI cannot hold.
 */
export function stableItemId(id: string, siteUrl: string, idDate: string): string {
  const trimmed = id.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).href;
    } catch {
      // not a parseable URL after all: wrapped below like any other text
    }
  }
  if (URI_ID_PATTERNS.some(({ pattern }) => pattern.test(trimmed))) return trimmed;
  return `tag:${tagAuthority(siteUrl)},${idDate}:${encodeTagSpecific(trimmed)}`;
}

/** The site's host as a tag URI authority (a DNS name); odd hosts (IPv6) are made DNS-safe. */
function tagAuthority(siteUrl: string): string {
  const host = new URL(siteUrl).hostname.toLowerCase();
  return host.replace(/[^a-z0-9.-]/g, "-").replace(/^[.-]+|[.-]+$/g, "") || "localhost";
}

function encodeTagSpecific(text: string): string {
  let encoded = "";
  for (const character of text) {
    if (TAG_SPECIFIC_SAFE.test(character)) encoded += character;
    else for (const byte of Buffer.from(character, "utf8")) encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}
