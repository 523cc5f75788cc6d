/**
 * Escapes text as sanitize-html writes a text node: `&`, `<` and `>` only (quotes stay as
 * they are). Renderers that produce sanitizeContent's output without sanitize-html use it so
 * both paths give the same bytes.
 */
export function escapeSanitizedText(text: string): string {
  // Most text has nothing to escape: one scan instead of three replacements.
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes a double-quoted attribute value as sanitize-html writes one: `&`, `<`, `>` and `"`. */
export function escapeSanitizedAttribute(text: string): string {
  return escapeSanitizedText(text).replace(/"/g, "&quot;");
}
