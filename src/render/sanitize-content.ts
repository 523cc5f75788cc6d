import { createRequire } from "node:module";
import type sanitizeHtmlType from "sanitize-html";
import { absoluteSrcset } from "./absolute-srcset.js";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_CLASSES,
  ALLOWED_LINK_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  EMPTY_ALLOWED_ATTRIBUTES,
  SRCSET_ATTRIBUTES,
  URL_ATTRIBUTES,
  VOID_TAGS,
} from "./content-rules.js";
import { resolveContentUrl } from "./content-url.js";
import { knownSafeHtml } from "./known-safe-html.js";
import { xmlSafe } from "./xml-safe.js";

/**
 * U+0338 (combining long solidus overlay) is the one character NFC composes with markup:
 * `>` + U+0338 becomes `≯`. The full sanitiser normalises the HTML before parsing it, so a
 * tag followed by U+0338 reads differently there; such HTML always takes that path.
 */
const COMPOSES_WITH_MARKUP = /\u0338/;

/**
 * sanitize-html (with the CSS parser it brings) is loaded on first use: most runs sanitise
 * only Markdown and text that take the fast path, and loading it was a tenth of an
 * incremental run. It is a CommonJS package, so `require` loads it synchronously.
 */
let loadedSanitizer: typeof sanitizeHtmlType | undefined;
function sanitizer(): typeof sanitizeHtmlType {
  loadedSanitizer ??= createRequire(import.meta.url)("sanitize-html") as typeof sanitizeHtmlType;
  return loadedSanitizer;
}

/**
 * Makes an article's HTML safe to publish in feeds and pages: sanitised with `sanitize-html`
 * by the rules in content-rules.ts (no scripts, styles, frames, forms, event handlers,
 * `javascript:` or `data:` URLs), every relative `href`, `src`, `cite` and `srcset` URL made
 * absolute against `articleUrl` (feed readers have no base URL), normalised to NFC and
 * stripped of characters XML 1.0 cannot carry. The result is balanced HTML; it may still
 * contain `]]>` as text, which the XML writers escape.
 *
 * HTML just rendered from Markdown or text without raw HTML (known-safe-html.ts) is rendered
 * again the way sanitize-html would write it, without parsing it: the same bytes, a fraction
 * of the time. The empty string is returned as is.
 */
export function sanitizeContent(html: string, articleUrl: string): string {
  if (html === "") return "";
  const known = COMPOSES_WITH_MARKUP.test(html) ? null : knownSafeHtml(html, articleUrl);
  return known !== null ? xmlSafe(known) : sanitizeContentFully(html, articleUrl);
}

/** sanitizeContent always through sanitize-html, whatever produced `html`: the reference the fast path is tested against. */
export function sanitizeContentFully(html: string, articleUrl: string): string {
  // `allowedEmptyAttributes` is a sanitize-html option its type definitions do not list yet.
  const options: sanitizeHtmlType.IOptions & { allowedEmptyAttributes: string[] } = {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
    allowedEmptyAttributes: [...EMPTY_ALLOWED_ATTRIBUTES],
    nonTextTags: [...DROPPED_WITH_CONTENT],
    disallowedTagsMode: "discard",
    selfClosing: [...VOID_TAGS],
    allowedSchemes: [...ALLOWED_LINK_SCHEMES],
    allowedSchemesByTag: Object.fromEntries(Object.entries(ALLOWED_SCHEMES_BY_TAG).map(([tag, schemes]) => [tag, [...schemes]])),
    allowedSchemesAppliedToAttributes: ["href", "src", "cite", "srcset"],
    allowProtocolRelative: false,
    allowedClasses: Object.fromEntries(Object.entries(ALLOWED_CLASSES).map(([tag, patterns]) => [tag, [...patterns]])),
    // An image whose only source was a `data:` or `javascript:` URL is left with none: drop it.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs.srcset,
    transformTags: { "*": (tagName, attribs) => ({ tagName, attribs: absoluteAttributes(attribs, articleUrl) }) },
  };
  return xmlSafe(sanitizer()(xmlSafe(html), options));
}

function absoluteAttributes(attribs: sanitizeHtmlType.Attributes, base: string): sanitizeHtmlType.Attributes {
  const result: sanitizeHtmlType.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (URL_ATTRIBUTES.includes(name)) result[name] = resolveContentUrl(value, base);
    else if (SRCSET_ATTRIBUTES.includes(name)) result[name] = absoluteSrcset(value, base);
    else result[name] = value;
  }
  return result;
}
