import { chromeKey } from "./compile-rules.js";

const SEPARATORS = [" | ", " – ", " — ", " - ", " :: ", " · ", " • "];

/**
 * Removes a site name from a headline: "Headline | Site", "Headline - Site" (or the prefix
 * form "Site | Headline"). The part is removed only when it is a known site name, appears
 * elsewhere in the page as a line of its own, or (after "|") is short and title-cased: a
 * dash inside a real headline ("Biden - the man who ...") stays.
 */
export function stripSiteSuffix(title: string, siteNames: ReadonlySet<string>, otherLines: ReadonlySet<string>): string {
  for (const separator of SEPARATORS) {
    const at = title.lastIndexOf(separator);
    if (at > 0) {
      const head = title.slice(0, at).trim();
      const suffix = title.slice(at + separator.length).trim();
      if (head.length >= 10 && isSiteName(suffix, separator, siteNames, otherLines)) {
        return stripSiteSuffix(head, siteNames, otherLines);
      }
    }
    const first = title.indexOf(separator);
    if (first > 0) {
      const prefix = title.slice(0, first).trim();
      const rest = title.slice(first + separator.length).trim();
      if (rest.length >= 10 && (siteNames.has(chromeKey(prefix)) || looksLikeDomain(prefix))) return rest;
    }
  }
  return title;
}

function isSiteName(part: string, separator: string, siteNames: ReadonlySet<string>, otherLines: ReadonlySet<string>): boolean {
  const key = chromeKey(part);
  if (key === "") return false;
  if (siteNames.has(key) || otherLines.has(key) || looksLikeDomain(part)) return true;
  if (separator.trim() !== "|" && separator.trim() !== "::") return false;
  const words = part.split(/\s+/u);
  return words.length <= 4 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /^(of|the|and|for|on|in|de)$/u.test(word));
}

function looksLikeDomain(part: string): boolean {
  return /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/iu.test(part.trim());
}
