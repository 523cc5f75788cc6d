/**
 * Resolves `url` against `base`, returning an absolute http(s) URL, or null when the
 * result is not http(s) (a `javascript:` or `data:` link never becomes a feed link).
 */
export function absoluteUrl(url: string, base: string): string | null {
  try {
    const resolved = new URL(url.trim(), base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : null;
  } catch {
    return null;
  }
}
