/**
 * The one piece of article HTML whose safe form can be rendered without sanitize-html, and how.
 *
 * A renderer that knows its output is free of raw HTML (markdown.ts for a token stream with no
 * `html_block`/`html_inline` tokens, render-text-blocks-html.ts for escaped text blocks)
 * remembers the exact string it returned together with a function that renders the same
 * content the way sanitizeContent would publish it. sanitizeContent then takes that path only
 * for a string equal to the remembered one; any other HTML, wherever it came from, goes
 * through sanitize-html. Deriving an article renders its body and sanitises it straight after,
 * in the same thread, so one entry is enough and memory never grows.
 */

/** Renders remembered content safe for one article URL, or null when only sanitize-html can tell. */
export type SafeRender = (articleUrl: string) => string | null;

let remembered: { html: string; renderSafe: SafeRender } | undefined;

/** Records that `html` was rendered from raw-HTML-free content, and how to render that content safe. Replaces the previous entry. */
export function rememberSafeHtml(html: string, renderSafe: SafeRender): void {
  remembered = { html, renderSafe };
}

/** Forgets the remembered entry (a renderer produced HTML it cannot vouch for). */
export function forgetSafeHtml(): void {
  remembered = undefined;
}

/**
 * The safe rendering of `html` for `articleUrl` when `html` is exactly the string last
 * remembered, before the final XML clean-up sanitizeContent applies; else null.
 */
export function knownSafeHtml(html: string, articleUrl: string): string | null {
  if (remembered === undefined || remembered.html !== html) return null;
  return remembered.renderSafe(articleUrl);
}
