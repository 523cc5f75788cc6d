import type { Article } from "../article.js";
import type { SiteConfig } from "../config/schema.js";
import { hashText, planSite } from "./plan-site.js";
import { sanitizeContent } from "./sanitize-content.js";

export { FEED_FILES, GROUP_FOLDERS } from "./plan-site.js";

/**
 * Renders every output file at once (see planSite for what they are), for articles that
 * carry their content. Returns relative path -> content; nothing is written here.
 */
export function renderSite(config: SiteConfig, published: Article[], feedItems: Article[]): Map<string, string> {
  const files = new Map<string, string>();
  const content = {
    hashOf: (article: Article) => hashText(article.contentHtml),
    contentOf: (article: Article) => sanitizeContent(article.contentHtml, article.url),
  };
  for (const [relPath, planned] of planSite(config, published, feedItems, content)) {
    const rendered = planned.render();
    files.set(relPath, typeof rendered === "string" ? rendered : rendered.join(""));
  }
  return files;
}
