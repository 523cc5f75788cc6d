/**
 * Which written files are WebSub topics (feeds), by name. Pages and assets
 * are not topics: hubs only distribute feeds.
 */
export const FEED_FILE_PATTERNS: readonly RegExp[] = [/(^|\/)rss\.xml$/, /(^|\/)atom\.xml$/, /(^|\/)feed\.json$/, /\.rss$/, /\.atom$/];

/**
 * Returns the absolute URLs of the feeds among `changedFiles` (paths
 * relative to `out/`, `/`-separated), resolved against `siteUrl`, in the
 * order given and without repeats. An empty result means: ping nobody.
 */
export function feedTopicUrls(siteUrl: string, changedFiles: readonly string[]): string[] {
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  const urls = changedFiles
    .map((file) => file.replace(/\\/g, "/").replace(/^\.?\/+/, ""))
    .filter((file) => FEED_FILE_PATTERNS.some((pattern) => pattern.test(file)))
    .map((file) => {
      // Dot segments would resolve outside the site; the build never writes them, so drop them.
      const segments = file.split("/").filter((segment) => segment !== "" && segment !== "." && segment !== "..");
      return new URL(segments.map(encodeURIComponent).join("/"), base).href;
    });
  return [...new Set(urls)];
}
