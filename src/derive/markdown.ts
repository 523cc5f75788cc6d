import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { forgetSafeHtml, rememberSafeHtml } from "../render/known-safe-html.js";
import { isSafeMarkdownTokenStream, renderSafeMarkdownHtml } from "./safe-markdown-html.js";

/**
 * One Markdown renderer for the whole program: CommonMark plus tables and strikethrough,
 * raw HTML allowed (posts often carry `<figure>` blocks; render sanitises later).
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** The marker that ends a hand-chosen summary, as Jekyll, Hugo and WordPress write it. */
export const MORE_MARKER = /<!--\s*more\s*-->/i;

/**
 * The last body parsed and its tokens. Deriving one article asks for its heading, its lead
 * and its HTML, three parses of the same text that were a tenth of a cold build; they now
 * share one. Rendering only writes image `alt` attributes the text readers skip, and the
 * memo holds one body, so it never grows.
 */
let lastParsed: { source: string; tokens: Token[] } | undefined;

function parseBody(source: string): Token[] {
  if (lastParsed?.source !== source) lastParsed = { source, tokens: markdown.parse(source, {}) };
  return lastParsed.tokens;
}

/**
 * Renders a Markdown body to HTML. The `<!--more-->` marker is dropped.
 *
 * When the body holds no raw HTML (every token is one isSafeMarkdownTokenStream knows), the
 * returned string is remembered (known-safe-html.ts) with its tokens, so that sanitizeContent,
 * given exactly this string, renders the tokens again under the content rules instead of
 * parsing the HTML with sanitize-html. Anything else is forgotten and sanitised in full.
 */
export function renderMarkdown(body: string): string {
  const source = body.replace(MORE_MARKER, "");
  const tokens = parseBody(source);
  const html = markdown.renderer.render(tokens, markdown.options, {});
  if (isSafeMarkdownTokenStream(tokens)) rememberSafeHtml(html, (articleUrl) => renderSafeMarkdownHtml(markdown, tokens, articleUrl));
  else forgetSafeHtml();
  return html;
}

/** Renders one paragraph's inline Markdown (emphasis, links, code) to HTML, without a `<p>`. */
export function renderInlineMarkdown(source: string): string {
  return markdown.renderInline(source);
}

/** Plain text of inline Markdown (a title or summary written with `*emphasis*` or `code`). */
export function inlineMarkdownToText(source: string): string {
  const tokens = markdown.parseInline(source, {});
  return collapse(tokens.map((token) => inlineText(token.children ?? [])).join(" "));
}

/**
 * The plain text of a Markdown body's lead: the text before `<!--more-->` when the body has
 * one, else its first paragraph that holds words (a paragraph made only of an image or a
 * link-less HTML block is passed over). Reference-style links resolve against the whole body.
 */
export function leadText(body: string): string | null {
  const more = MORE_MARKER.exec(body);
  if (more) {
    const before = body.slice(0, more.index);
    const paragraphs = [...paragraphTexts(before)];
    if (paragraphs.length > 0) return paragraphs.join(" ");
  }
  // Lazily: the lead is usually the first paragraph, and collapsing every other one's text was
  // a twentieth of deriving an article.
  for (const text of paragraphTexts(body)) if (/\p{L}/u.test(text)) return text;
  return null;
}

/** The first level-1 heading of a body, as plain text, or null. */
export function firstHeadingText(body: string): string | null {
  const tokens = parseBody(body);
  const index = tokens.findIndex((token) => token.type === "heading_open" && token.tag === "h1");
  if (index === -1) return null;
  const text = collapse(inlineText(tokens[index + 1]?.children ?? []));
  return text === "" ? null : text;
}

/** The plain text of each top-level paragraph that has any, in order. */
function* paragraphTexts(body: string): Generator<string> {
  const tokens = parseBody(body);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    // Only top-level paragraphs: a paragraph inside a list or quote is not a lead.
    if (token.type !== "paragraph_open" || token.level !== 0) continue;
    const inline = tokens[index + 1];
    const text = collapse(inlineText(inline?.children ?? []));
    if (text !== "") yield text;
  }
}

function inlineText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "html_inline") text += "";
    else if (child.type === "image") text += "";
    else if (child.children) text += inlineText(child.children);
  }
  return text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
