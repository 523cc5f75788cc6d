/**
 * Characters XML 1.0 forbids anywhere in a document: C0 controls other than tab, LF and CR,
 * lone surrogates, and U+FFFE/U+FFFF. (`\p{Cs}` with the `u` flag matches only unpaired halves.)
 */
const ILLEGAL_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;
const HAS_ILLEGAL_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/**
 * Normalises text to NFC and removes every character XML 1.0 cannot carry. (NFC maps no
 * character to one of those, so removing them once, before normalising, is enough; most text
 * has none, and a test is cheaper than a replacement.)
 */
export function xmlSafe(text: string): string {
  const legal = HAS_ILLEGAL_IN_XML.test(text) ? text.replace(ILLEGAL_IN_XML, "") : text;
  return legal.normalize("NFC");
}

/** Escapes text for an XML or HTML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Makes HTML safe to place inside a CDATA section: `]]>` cannot occur in one, and in HTML
 * `]]&gt;` means the same thing, so every occurrence is rewritten, not just the first.
 */
export function cdataSafeHtml(html: string): string {
  return xmlSafe(html).replace(/]]>/g, "]]&gt;");
}
