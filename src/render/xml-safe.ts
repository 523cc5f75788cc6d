/**
 * Characters XML 1.0 forbids anywhere in a document: C0 controls other than tab, LF and CR,
 * lone surrogates, and U+FFFE/U+FFFF. (`\p{Cs}` with the `u` flag matches only unpaired halves.)
 */
const ILLEGAL_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** The controls and noncharacters of {@link ILLEGAL_IN_XML}, without the `u` flag: a much cheaper first test. */
const ILLEGAL_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Normalises text to NFC and removes every character XML 1.0 cannot carry. Almost every
 * text is clean already, so it is tested before it is rewritten: NFC of well-formed text
 * without illegal characters introduces none.
 */
export function xmlSafe(text: string): string {
  const clean = text.isWellFormed() && !ILLEGAL_CONTROL.test(text) ? text : text.replace(ILLEGAL_IN_XML, "");
  return clean.normalize("NFC");
}

const XML_SPECIAL = /[&<>"]/g;
const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for an XML or HTML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(XML_SPECIAL, (char) => XML_ENTITIES[char] as string);
}

/**
 * Makes HTML safe to place inside a CDATA section: `]]>` cannot occur in one, and in HTML
 * `]]&gt;` means the same thing, so every occurrence is rewritten, not just the first.
 */
export function cdataSafeHtml(html: string): string {
  return xmlSafe(html).replace(/]]>/g, "]]&gt;");
}
