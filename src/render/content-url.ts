import { absoluteUrl } from "./absolute-url.js";
import { ALLOWED_LINK_SCHEMES, ALLOWED_SCHEMES_BY_TAG } from "./content-rules.js";

/**
 * Resolves a URL in article HTML against the article. Anything that is not http(s) afterwards
 * is returned as written so the scheme rules judge it (`mailto:` stays, `javascript:` goes);
 * a value that cannot be parsed at all is returned as written too, and fragment-only links
 * (`#note-1`) become links into the article page.
 */
export function resolveContentUrl(value: string, base: string): string {
  return absoluteUrl(value, base) ?? value;
}

/** What the content rules make of one URL attribute: the value written, the attribute removed, or a case left to sanitize-html. */
export type ContentUrlVerdict = { kind: "keep"; value: string } | { kind: "drop" } | { kind: "unsure" };

/**
 * The sanitiser's verdict on a URL attribute of `tag` (`href`, `src`, `cite`), decided without
 * sanitize-html where that is certain: a URL that resolves to http(s) is kept, absolute; a value
 * that plainly starts with a scheme is kept as written when ALLOWED_SCHEMES_BY_TAG (or
 * ALLOWED_LINK_SCHEMES) lists it and removed when not. Anything sanitize-html would first have
 * to clean (spaces, control characters, `<!--` inside the scheme's reach) or that has no scheme
 * yet did not resolve is `unsure`: the caller then leaves the whole document to sanitize-html.
 */
export function contentUrlVerdict(tag: string, value: string, base: string): ContentUrlVerdict {
  const absolute = absoluteUrl(value, base);
  if (absolute !== null) return { kind: "keep", value: absolute };
  if (/[\u0000-\u0020]|<!--/.test(value)) return { kind: "unsure" };
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(value)?.[1];
  if (scheme === undefined) return { kind: "unsure" };
  const allowed = ALLOWED_SCHEMES_BY_TAG[tag] ?? ALLOWED_LINK_SCHEMES;
  return allowed.includes(scheme.toLowerCase()) ? { kind: "keep", value } : { kind: "drop" };
}
