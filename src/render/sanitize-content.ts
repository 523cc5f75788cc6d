import sanitizeHtml from "sanitize-html";
import { absoluteSrcset } from "./absolute-srcset.js";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_LINK_SCHEMES,
  ALLOWED_MEDIA_SCHEMES,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  SRCSET_ATTRIBUTES,
  URL_ATTRIBUTES,
  VOID_TAGS,
} from "./content-rules.js";
import { xmlSafe } from "./xml-safe.js";

/**
 * Makes an article's HTML safe to publish in feeds and pages: sanitised with `sanitize-html`
 * by the rules in content-rules.ts (no scripts, styles, frames, forms, event handlers,
 * `javascript:` or `data:` URLs), every relative `href`, `src`, `cite` and `srcset` URL made
 * absolute against `articleUrl` (feed readers have no base URL), normalised to NFC and
 * stripped of characters XML 1.0 cannot carry. The result is balanced HTML; it may still
 * contain `]]>` as text, which the XML writers escape.
 */
export function sanitizeContent(html: string, articleUrl: string): string {
  const cleaned = sanitizeHtml(xmlSafe(html), {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
    nonTextTags: [...DROPPED_WITH_CONTENT],
    disallowedTagsMode: "discard",
    selfClosing: [...VOID_TAGS],
    allowedSchemes: [...ALLOWED_LINK_SCHEMES],
    allowedSchemesByTag: { img: [...ALLOWED_MEDIA_SCHEMES], source: [...ALLOWED_MEDIA_SCHEMES] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite", "srcset"],
    allowProtocolRelative: false,
    allowedClasses: { code: [/^language-[\w+#-]+$/], pre: [/^language-[\w+#-]+$/] },
    // An image whose only source was a `data:` or `javascript:` URL is left with none: drop it.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs.srcset,
    transformTags: { "*": (tagName, attribs) => ({ tagName, attribs: absoluteAttributes(attribs, articleUrl) }) },
  });
  return xmlSafe(cleaned);
}

function absoluteAttributes(attribs: sanitizeHtml.Attributes, base: string): sanitizeHtml.Attributes {
  const result: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (URL_ATTRIBUTES.includes(name)) result[name] = resolve(value, base);
    else if (SRCSET_ATTRIBUTES.includes(name)) result[name] = absoluteSrcset(value, base);
    else result[name] = value;
  }
  return result;
}

/**
 * Resolves a URL against the article. Anything that is not http(s) afterwards is returned as
 * written so the sanitiser's scheme rules judge it (`mailto:` stays, `javascript:` goes);
 * a value that cannot be parsed at all is returned as written too, and fragment-only links
 * (`#note-1`) become links into the article page.
 */
function resolve(value: string, base: string): string {
  try {
    const resolved = new URL(value.trim(), base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : value;
  } catch {
    return value;
  }
}
