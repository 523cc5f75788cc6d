/**
 * Jekyll's URL tags, as data: what each expands to, given the site's origin
 * (`https://example.org`) and base path (`/blog`, or "" at the root).
 */
const LIQUID_URL_TAGS: ReadonlyArray<{ pattern: RegExp; expand: (site: SiteParts, match: RegExpExecArray) => string }> = [
  { pattern: /\{\{\s*site\.url\s*\}\}\s*\{\{\s*site\.baseurl\s*\}\}/g, expand: (site) => site.origin + site.basePath },
  { pattern: /\{\{\s*site\.url\s*\}\}/g, expand: (site) => site.origin },
  { pattern: /\{\{\s*site\.baseurl\s*\}\}/g, expand: (site) => site.basePath },
  {
    pattern: /\{\{\s*(["'])([^"'{}]*)\1\s*\|\s*relative_url\s*\}\}/g,
    expand: (site, match) => site.basePath + withLeadingSlash(match[2] ?? ""),
  },
  {
    pattern: /\{\{\s*(["'])([^"'{}]*)\1\s*\|\s*absolute_url\s*\}\}/g,
    expand: (site, match) => site.origin + site.basePath + withLeadingSlash(match[2] ?? ""),
  },
];

interface SiteParts {
  origin: string;
  basePath: string;
}

/**
 * Expands the Jekyll Liquid tags that build URLs (`{{ site.url }}`, `{{ site.baseurl }}`,
 * `{{ "/x.jpg" | relative_url }}`, `absolute_url`) against the configured site URL, so
 * images and links in posts moved from Jekyll point somewhere real. Fenced code blocks,
 * indented code and inline code spans are left as written: there the tags are examples.
 */
export function expandLiquidUrls(markdown: string, siteUrl: string): string {
  if (!markdown.includes("{{")) return markdown;
  const url = new URL(siteUrl);
  const site: SiteParts = { origin: url.origin, basePath: url.pathname.replace(/\/+$/, "") };
  let fence: string | null = null;
  let inHtml = false;
  let previousBlank = true;
  let inIndentedCode = false;
  return markdown
    .split("\n")
    .map((line) => {
      const blank = line.trim() === "";
      const wasBlank = previousBlank;
      previousBlank = blank;
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (blank) {
        inHtml = false;
        return line;
      }
      if (marker && !inHtml) {
        fence = marker;
        return line;
      }
      // Indented code starts after a blank line (it cannot interrupt a paragraph) and never inside an HTML block.
      const indented = /^(?: {4}|\t)/.test(line);
      inIndentedCode = indented && !inHtml && (wasBlank || inIndentedCode);
      if (inIndentedCode) return line;
      if (/^\s{0,3}<[A-Za-z!\/]/.test(line)) inHtml = true;
      // Odd pieces between backtick runs are inline code spans.
      return line
        .split(/(`+[^`]*`+)/)
        .map((piece, index) => (index % 2 === 1 ? piece : expandTags(piece, site)))
        .join("");
    })
    .join("\n");
}

function expandTags(text: string, site: SiteParts): string {
  let result = text;
  for (const tag of LIQUID_URL_TAGS) {
    result = result.replace(tag.pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      return tag.expand(site, match);
    });
  }
  return result;
}

function withLeadingSlash(path: string): string {
  return path.startsWith("/") ? path : `/${path}`;
}
