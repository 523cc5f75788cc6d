import MarkdownIt from "markdown-it";
import type { MarkdownIt as MarkdownItInstance, RendererRule, Token } from "markdown-it";
import { ALLOWED_ATTRIBUTES, ALLOWED_CLASSES, ALLOWED_TAGS, EMPTY_ALLOWED_ATTRIBUTES, URL_ATTRIBUTES } from "../render/content-rules.js";
import { contentUrlVerdict } from "../render/content-url.js";
import { escapeSanitizedAttribute, escapeSanitizedText } from "../render/sanitized-escapes.js";
import { xmlSafe } from "../render/xml-safe.js";

/**
 * The token types markdown-it emits for Markdown without raw HTML (CommonMark, tables,
 * strikethrough, as markdown.ts configures it), each with the attributes it may carry. A token
 * stream with any other type (`html_block`, `html_inline`, a plugin's token) or any other
 * attribute is not vouched for: its HTML goes through sanitize-html.
 */
export const SAFE_MARKDOWN_TOKENS: Readonly<Record<string, readonly string[]>> = {
  paragraph_open: [], paragraph_close: [],
  heading_open: [], heading_close: [],
  blockquote_open: [], blockquote_close: [],
  bullet_list_open: [], bullet_list_close: [],
  ordered_list_open: ["start"], ordered_list_close: [],
  list_item_open: [], list_item_close: [],
  table_open: [], table_close: [],
  thead_open: [], thead_close: [],
  tbody_open: [], tbody_close: [],
  tr_open: [], tr_close: [],
  // Column alignment arrives as `style="text-align:…"`, which the content rules drop.
  th_open: ["style"], th_close: [],
  td_open: ["style"], td_close: [],
  hr: [], code_block: [], fence: [], inline: [],
  text: [], softbreak: [], hardbreak: [], code_inline: [],
  em_open: [], em_close: [],
  strong_open: [], strong_close: [],
  s_open: [], s_close: [],
  link_open: ["href", "title"], link_close: [],
  image: ["src", "alt", "title"],
};

const KEPT_TAGS: ReadonlySet<string> = new Set(ALLOWED_TAGS);

/**
 * True when every token (children included) is of a type in SAFE_MARKDOWN_TOKENS, names an
 * element the content rules keep, and carries only the attributes listed for its type.
 */
export function isSafeMarkdownTokenStream(tokens: readonly Token[]): boolean {
  for (const token of tokens) {
    const attributes = Object.hasOwn(SAFE_MARKDOWN_TOKENS, token.type) ? SAFE_MARKDOWN_TOKENS[token.type] : undefined;
    if (attributes === undefined) return false;
    if (token.tag !== "" && !KEPT_TAGS.has(token.tag)) return false;
    if (token.attrs?.some(([name]) => !attributes.includes(name))) return false;
    if (token.children && !isSafeMarkdownTokenStream(token.children)) return false;
  }
  return true;
}

/**
 * Renders a token stream that passed isSafeMarkdownTokenStream as sanitizeContent publishes
 * markdown-it's HTML for it, without parsing HTML: the same elements and line breaks as
 * markdown-it, text escaped as sanitize-html writes it (`&amp;`, `&lt;`, `&gt;`; quotes only
 * in attributes), void elements as `<br />`, and each attribute through the content rules:
 * dropped when not allowed (table alignment styles) or empty (but `alt`), `class` filtered
 * by ALLOWED_CLASSES, URLs resolved against `articleUrl` and judged by their scheme (an image
 * whose source is dropped, such as a `data:` image, is left out). Returns null when a URL is
 * one only sanitize-html can judge, or when `markdown` has a highlighter. The caller still
 * applies xmlSafe to the whole result.
 * The tokens are not modified.
 */
export function renderSafeMarkdownHtml(markdown: MarkdownItInstance, tokens: Token[], articleUrl: string): string | null {
  // A highlighter writes its own HTML into code blocks: that is not markdown-it's fixed markup.
  if (markdown.options.highlight) return null;
  const renderer = new SafeMarkdownRenderer(markdown, articleUrl);
  const html = renderer.render(tokens, { ...markdown.options, xhtmlOut: true }, {});
  return renderer.unsure ? null : html;
}

class SafeMarkdownRenderer extends MarkdownIt.Renderer {
  /** Set when some URL needs sanitize-html's judgement; the rendering is then discarded. */
  unsure = false;

  constructor(
    readonly markdown: MarkdownItInstance,
    readonly articleUrl: string,
  ) {
    super();
    Object.assign(this.rules, SAFE_RULES);
  }

  /** Only renderToken calls this, always with a whole token, so the element's name is there. */
  override renderAttrs(token: Pick<Token, "attrs">): string {
    return writeAttributes(this.keptAttributes((token as Token).tag, token.attrs ?? []));
  }

  /** The attributes of one `tag` as the content rules leave them, in markdown-it's order. */
  keptAttributes(tag: string, attrs: readonly (readonly [string, string | number])[]): [string, string][] {
    const kept: [string, string][] = [];
    for (const [name, raw] of attrs) {
      let value = xmlSafe(String(raw));
      if (URL_ATTRIBUTES.includes(name)) {
        const verdict = contentUrlVerdict(tag, value, this.articleUrl);
        if (verdict.kind === "unsure") this.unsure = true;
        if (verdict.kind !== "keep") continue;
        value = verdict.value;
      }
      if (!ALLOWED_ATTRIBUTES[tag]?.includes(name) && !ALLOWED_ATTRIBUTES["*"]?.includes(name)) continue;
      const classes = name === "class" ? ALLOWED_CLASSES[tag] : undefined;
      if (classes) value = value.split(/\s+/).filter((one) => classes.some((pattern) => pattern.test(one))).join(" ");
      if (value === "" && !EMPTY_ALLOWED_ATTRIBUTES.includes(name)) continue;
      kept.push([name, value]);
    }
    return kept;
  }
}

/** Rules for the token types whose markup markdown-it writes itself rather than through renderToken. */
const SAFE_RULES: Record<string, RendererRule> = {
  text: (tokens, index) => escapeSanitizedText(tokens[index]!.content),
  softbreak: (_tokens, _index, options) => (options.breaks ? "<br />\n" : "\n"),
  hardbreak: () => "<br />\n",
  code_inline: (tokens, index) => `<code>${escapeSanitizedText(tokens[index]!.content)}</code>`,
  code_block: (tokens, index) => `<pre><code>${escapeSanitizedText(tokens[index]!.content)}</code></pre>\n`,
  fence: (tokens, index, _options, _env, renderer) => {
    const token = tokens[index]!;
    const safe = renderer as SafeMarkdownRenderer;
    // As markdown-it's own fence rule: the info string's first word names the language.
    const info = token.info ? safe.markdown.utils.unescapeAll(token.info).trim() : "";
    const language = info === "" ? [] : safe.keptAttributes("code", [["class", `${safe.markdown.options.langPrefix}${info.split(/(\s+)/g)[0]}`]]);
    return `<pre><code${writeAttributes(language)}>${escapeSanitizedText(token.content)}</code></pre>\n`;
  },
  image: (tokens, index, options, env, renderer) => {
    const token = tokens[index]!;
    const safe = renderer as SafeMarkdownRenderer;
    // markdown-it writes the alt text into the token while rendering; here it is computed aside.
    const alt = safe.renderInlineAsText(token.children ?? [], options, env);
    const kept = safe.keptAttributes("img", (token.attrs ?? []).map(([name, value]) => [name, name === "alt" ? alt : value] as const));
    // An image whose source the rules removed is dropped whole, as sanitizeContent does.
    return kept.some(([name]) => name === "src") ? `<img${writeAttributes(kept)} />` : "";
  },
  html_block: (_tokens, _index, _options, _env, renderer) => {
    (renderer as SafeMarkdownRenderer).unsure = true;
    return "";
  },
  html_inline: (_tokens, _index, _options, _env, renderer) => {
    (renderer as SafeMarkdownRenderer).unsure = true;
    return "";
  },
};

function writeAttributes(attributes: readonly (readonly [string, string])[]): string {
  return attributes.map(([name, value]) => ` ${name}="${escapeSanitizedAttribute(value)}"`).join("");
}
