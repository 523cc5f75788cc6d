import { selfLinkFindings } from "./check-rss.js";
import { ABSOLUTE_URI, isAbsoluteHttpUrl, rfc3339Problem } from "./formats.js";
import { error, warning, type Finding } from "./problem.js";
import { childElements, childText, parseXmlTree, type XmlElementNode } from "./xml-tree.js";

const ATOM = "http://www.w3.org/2005/Atom";

/**
 * Checks an Atom 1.0 document (RFC 4287): well-formed, namespace-correct XML; the feed's and
 * every entry's required `id`, `title` and `updated`; absolute URI ids, unique per entry;
 * RFC 3339 dates; an author for every entry (its own or the feed's); absolute link hrefs;
 * a self link equal to `expectedSelfUrl` (when known).
 */
export function checkAtom(xml: string, expectedSelfUrl: string | null): Finding[] {
  let feed: XmlElementNode;
  try {
    feed = parseXmlTree(xml);
  } catch (failure) {
    return [error(`not well-formed XML: ${(failure as Error).message}`)];
  }
  if (feed.uri !== ATOM || feed.local !== "feed") return [error(`the root element is <${feed.name}> (namespace "${feed.uri}"), not Atom's <feed>`)];
  const findings: Finding[] = [...requiredCore(feed, "the feed")];
  findings.push(...selfLinkFindings(childElements(feed, ATOM, "link"), expectedSelfUrl));
  findings.push(...linkFindings(feed, "the feed"));
  if (!childElements(feed, ATOM, "link").some((link) => (link.attributes.rel ?? "alternate") === "alternate")) {
    findings.push(warning(`the feed has no rel="alternate" link to its web page`));
  }
  for (const name of ["icon", "logo"]) {
    const value = childText(feed, ATOM, name);
    if (value !== undefined && !isAbsoluteHttpUrl(value)) findings.push(error(`the feed's <${name}> "${value}" is not an absolute http(s) URL`));
  }
  const feedHasAuthor = childElements(feed, ATOM, "author").length > 0;
  const ids = new Set<string>();
  childElements(feed, ATOM, "entry").forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    findings.push(...requiredCore(entry, where), ...linkFindings(entry, where));
    const id = childText(entry, ATOM, "id");
    if (id !== undefined) {
      if (ids.has(id)) findings.push(error(`${where}: <id> "${id}" is used by an earlier entry; every entry needs its own`));
      ids.add(id);
    }
    const published = childText(entry, ATOM, "published");
    const problem = published === undefined ? null : rfc3339Problem(published);
    if (problem) findings.push(error(`${where} <published>: ${problem}`));
    if (!feedHasAuthor && childElements(entry, ATOM, "author").length === 0) findings.push(error(`${where} has no <author>, and neither has the feed`));
    const hasAlternate = childElements(entry, ATOM, "link").some((link) => (link.attributes.rel ?? "alternate") === "alternate");
    if (childElements(entry, ATOM, "content").length === 0 && !hasAlternate) findings.push(error(`${where} has neither <content> nor a rel="alternate" link`));
  });
  return findings;
}

/** `id` (one, an absolute URI), `title` (one) and `updated` (one, RFC 3339), required on feeds and entries alike. */
function requiredCore(node: XmlElementNode, where: string): Finding[] {
  const findings: Finding[] = [];
  for (const name of ["id", "title", "updated"]) {
    const count = childElements(node, ATOM, name).length;
    if (count === 0) findings.push(error(`${where} has no <${name}>, which Atom requires`));
    if (count > 1) findings.push(error(`${where} has ${count} <${name}> elements; Atom allows one`));
  }
  const id = childText(node, ATOM, "id");
  if (id !== undefined && !ABSOLUTE_URI.test(id)) findings.push(error(`${where}: <id> "${id}" is not an absolute URI`));
  const updated = childText(node, ATOM, "updated");
  const problem = updated === undefined ? null : rfc3339Problem(updated);
  if (problem) findings.push(error(`${where} <updated>: ${problem}`));
  return findings;
}

function linkFindings(node: XmlElementNode, where: string): Finding[] {
  return childElements(node, ATOM, "link")
    .filter((link) => !isAbsoluteHttpUrl(link.attributes.href))
    .map((link) => error(`${where}: <link rel="${link.attributes.rel ?? "alternate"}"> href "${link.attributes.href ?? ""}" is not an absolute http(s) URL`));
}
