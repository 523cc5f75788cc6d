/**
 * Turns text into a URL path segment: Unicode letters and digits kept (lower-cased,
 * accents folded where they decompose), everything else collapsed to single hyphens.
 * Non-Latin text survives ("Ελληνικά" -> "ελληνικα"), so Unicode tags get their own pages.
 * Returns "" when nothing usable is left; callers choose a fallback.
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
