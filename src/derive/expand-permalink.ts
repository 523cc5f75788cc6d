/**
 * Expands a permalink pattern such as `/:year/:month/:day/:slug/` for one article.
 * Date parts come from the publication date as written (its own offset), so an article
 * dated 2021-10-19 in Warsaw lives under /2021/10/19/ whatever the server's zone.
 * The result always starts and ends with `/` and holds no empty, `.` or `..` segments.
 */
export function expandPermalink(
  pattern: string,
  values: { published: string; slug: string; title: string; path: string },
): string {
  const [year = "", month = "", day = ""] = values.published.slice(0, 10).split("-");
  const tokens: Record<string, string> = {
    ":year": year,
    ":month": month,
    ":day": day,
    ":slug": values.slug,
    ":title": values.slug,
    ":path": values.path,
  };
  const expanded = pattern.replace(/:(year|month|day|slug|title|path)\b/g, (token) => tokens[token] ?? "");
  return normalisePermalink(expanded);
}

/** Normalises a site-relative path: one leading and one trailing slash, no `.`/`..`/empty segments. */
export function normalisePermalink(raw: string): string {
  const withoutOrigin = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
  const segments = withoutOrigin
    .split("/")
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  // `/blog/post.html` becomes `/blog/post/`: feedwright writes every page as a folder index.
  if (segments.length > 0) segments.push(segments.pop()!.replace(/\.html?$/i, ""));
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}
