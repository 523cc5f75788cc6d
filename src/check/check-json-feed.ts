import { isAbsoluteHttpUrl, rfc3339Problem } from "./formats.js";
import { error, warning, type Finding } from "./problem.js";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/**
 * Checks a JSON Feed 1.1 document: valid JSON; `version`, `title` and `items` present;
 * every item with a string `id` (unique) and `content_html` or `content_text`; absolute URLs;
 * RFC 3339 dates; a `feed_url` equal to `expectedSelfUrl` (when known).
 */
export function checkJsonFeed(text: string, expectedSelfUrl: string | null): Finding[] {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch (failure) {
    return [error(`not valid JSON: ${(failure as Error).message}`)];
  }
  if (typeof feed !== "object" || feed === null || Array.isArray(feed)) return [error("the document is not a JSON object")];
  const top = feed as Record<string, unknown>;
  const findings: Finding[] = [];
  if (top.version === "https://jsonfeed.org/version/1") findings.push(warning(`"version" is JSON Feed 1; version 1.1 is current`));
  else if (top.version !== JSON_FEED_VERSION) findings.push(error(`"version" must be "${JSON_FEED_VERSION}"`));
  if (typeof top.title !== "string") findings.push(error(`"title" is required and must be a string`));
  for (const key of ["home_page_url", "feed_url", "icon", "favicon"]) {
    if (key in top && !isAbsoluteHttpUrl(top[key])) findings.push(error(`"${key}" ${JSON.stringify(top[key])} is not an absolute http(s) URL`));
  }
  if (!("feed_url" in top)) findings.push(warning(`there is no "feed_url", so readers cannot tell the feed's own address`));
  else if (expectedSelfUrl !== null && isAbsoluteHttpUrl(top.feed_url) && top.feed_url !== expectedSelfUrl) {
    findings.push(error(`"feed_url" is "${top.feed_url}" but this file is published at "${expectedSelfUrl}"`));
  }
  if ("authors" in top && !Array.isArray(top.authors)) findings.push(error(`"authors" must be a list`));
  if (!Array.isArray(top.items)) return [...findings, error(`"items" is required and must be a list`)];

  const ids = new Set<string>();
  top.items.forEach((value, index) => {
    const where = `item ${index + 1}`;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      findings.push(error(`${where} is not an object`));
      return;
    }
    const item = value as Record<string, unknown>;
    if (typeof item.id !== "string" || item.id === "") findings.push(error(`${where} has no "id" string, which JSON Feed requires`));
    else {
      if (ids.has(item.id)) findings.push(error(`${where}: "id" "${item.id}" is used by an earlier item; every item needs its own`));
      ids.add(item.id);
    }
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string") {
      findings.push(error(`${where} has neither "content_html" nor "content_text"; JSON Feed needs one`));
    }
    for (const key of ["url", "external_url", "image", "banner_image"]) {
      if (key in item && !isAbsoluteHttpUrl(item[key])) findings.push(error(`${where}: "${key}" ${JSON.stringify(item[key])} is not an absolute http(s) URL`));
    }
    for (const key of ["date_published", "date_modified"]) {
      const problem = key in item ? rfc3339Problem(item[key]) : null;
      if (problem) findings.push(error(`${where} "${key}": ${problem}`));
    }
    if ("tags" in item && !(Array.isArray(item.tags) && item.tags.every((tag) => typeof tag === "string"))) {
      findings.push(error(`${where}: "tags" must be a list of strings`));
    }
    if ("authors" in item && !Array.isArray(item.authors)) findings.push(error(`${where}: "authors" must be a list`));
  });
  return findings;
}
