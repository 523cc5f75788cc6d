/**
 * What survives in article HTML that goes into feeds and pages. Kept as data so the policy
 * can be read (and reviewed) in one place; `sanitizeContent` applies it.
 */

/** Elements kept; everything else is unwrapped (its text stays) or, for DROPPED_WITH_CONTENT, removed whole. */
export const ALLOWED_TAGS: readonly string[] = [
  "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
  "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
  "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strong",
  "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
];

/** Elements removed together with everything inside them (their text is code or chrome, not prose). */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  "script", "style", "iframe", "object", "embed", "form", "textarea", "select", "button", "noscript",
  "template", "svg", "math", "canvas", "frame", "frameset", "applet", "head", "title",
];

/** Attributes kept per element (`*`: on every element). No `style`, no `on*` handlers, no `id`/`class` clashes with the page. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  "*": ["title", "lang", "dir"],
  a: ["href", "hreflang"],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading"],
  source: ["srcset", "sizes", "media", "type", "width", "height"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  td: ["colspan", "rowspan", "headers"],
  th: ["colspan", "rowspan", "headers", "scope", "abbr"],
  col: ["span"],
  colgroup: ["span"],
  // `language-xyz` classes are how Markdown marks a code block's language; readers use them.
  code: ["class"],
  pre: ["class"],
  // Raw-text articles mark a photo credit inside its caption as <small class="credit">; pages style it.
  small: ["class"],
  details: ["open"],
};

/** URL schemes allowed in links; images and quotes' `cite` may only be http(s). No `javascript:`, no `data:`. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ["http", "https", "mailto"];
export const ALLOWED_MEDIA_SCHEMES: readonly string[] = ["http", "https"];

/** Elements whose URLs follow ALLOWED_MEDIA_SCHEMES instead of ALLOWED_LINK_SCHEMES. */
export const ALLOWED_SCHEMES_BY_TAG: Readonly<Record<string, readonly string[]>> = {
  img: ALLOWED_MEDIA_SCHEMES,
  source: ALLOWED_MEDIA_SCHEMES,
};

/** Classes kept, per element whose `class` is filtered; other classes in the attribute are removed. */
export const ALLOWED_CLASSES: Readonly<Record<string, readonly RegExp[]>> = {
  code: [/^language-[\w+#-]+$/],
  pre: [/^language-[\w+#-]+$/],
};

/** Attributes kept when their value is empty (sanitize-html's rule: an empty `alt` says "decorative image"). */
export const EMPTY_ALLOWED_ATTRIBUTES: readonly string[] = ["alt"];

/** Attributes holding one URL, made absolute against the article's URL. */
export const URL_ATTRIBUTES: readonly string[] = ["href", "src", "cite"];

/** Attributes holding a list of image candidates (`url descriptor, ...`), each made absolute. */
export const SRCSET_ATTRIBUTES: readonly string[] = ["srcset"];

/** Void elements among ALLOWED_TAGS: written as `<br />`, never with an end tag. */
export const VOID_TAGS: readonly string[] = ["br", "col", "hr", "img", "source", "wbr"];
