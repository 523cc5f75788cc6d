import { error, warning, type Finding } from "./problem.js";
import { isAbsoluteHttpUrl, rfc822Problem } from "./formats.js";
import { childElements, childText, parseXmlTree, type XmlElementNode } from "./xml-tree.js";

const ATOM = "http://www.w3.org/2005/Atom";
const MEDIA = "http://search.yahoo.com/mrss/";

/**
 * Checks an RSS 2.0 document: well-formed, namespace-correct XML; the channel's required
 * elements; RFC 822 dates with the right weekday; absolute links; unique guids, and a
 * permalink guid that is a URL; a self link equal to `expectedSelfUrl` (when known).
 */
export function checkRss(xml: string, expectedSelfUrl: string | null): Finding[] {
  let root: XmlElementNode;
  try {
    root = parseXmlTree(xml);
  } catch (failure) {
    return [error(`not well-formed XML: ${(failure as Error).message}`)];
  }
  if (root.uri !== "" || root.local !== "rss") return [error(`the root element is <${root.name}>, not <rss>`)];
  const findings: Finding[] = [];
  if (root.attributes.version !== "2.0") findings.push(error(`<rss> has version="${root.attributes.version ?? ""}"; RSS 2.0 needs version="2.0"`));
  const channels = childElements(root, "", "channel");
  if (channels.length !== 1) return [...findings, error(`<rss> must hold exactly one <channel>, not ${channels.length}`)];
  const channel = channels[0]!;

  for (const name of ["title", "link", "description"]) {
    if (childText(channel, "", name) === undefined) findings.push(error(`the channel has no <${name}>, which RSS 2.0 requires`));
  }
  const link = childText(channel, "", "link");
  if (link !== undefined && !isAbsoluteHttpUrl(link)) findings.push(error(`the channel <link> "${link}" is not an absolute http(s) URL`));
  for (const name of ["pubDate", "lastBuildDate"]) {
    const value = childText(channel, "", name);
    const problem = value === undefined ? null : rfc822Problem(value);
    if (problem) findings.push(error(`channel <${name}>: ${problem}`));
  }
  const ttl = childText(channel, "", "ttl");
  if (ttl !== undefined && !/^\d+$/.test(ttl)) findings.push(error(`<ttl> "${ttl}" is not a whole number of minutes`));
  for (const image of childElements(channel, "", "image")) {
    for (const name of ["url", "title", "link"]) {
      if (childText(image, "", name) === undefined) findings.push(error(`the channel <image> has no <${name}>`));
    }
    const url = childText(image, "", "url");
    if (url !== undefined && !isAbsoluteHttpUrl(url)) findings.push(error(`the channel <image> <url> "${url}" is not an absolute http(s) URL`));
  }
  findings.push(...selfLinkFindings(childElements(channel, ATOM, "link"), expectedSelfUrl));

  const guids = new Set<string>();
  childElements(channel, "", "item").forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (childText(item, "", "title") === undefined && childText(item, "", "description") === undefined) {
      findings.push(error(`${where} has neither <title> nor <description>; RSS 2.0 needs one`));
    }
    const itemLink = childText(item, "", "link");
    if (itemLink !== undefined && !isAbsoluteHttpUrl(itemLink)) findings.push(error(`${where}: <link> "${itemLink}" is not an absolute http(s) URL`));
    const guid = childElements(item, "", "guid")[0];
    if (!guid) findings.push(warning(`${where} has no <guid>, so readers may show it twice when it changes`));
    else {
      const value = guid.text.trim();
      if (value === "") findings.push(error(`${where} has an empty <guid>`));
      if (guid.attributes.isPermaLink !== "false" && !isAbsoluteHttpUrl(value)) {
        findings.push(error(`${where}: <guid> "${value}" is marked as a permalink but is not an absolute http(s) URL (write isPermaLink="false")`));
      }
      if (guids.has(value)) findings.push(error(`${where}: <guid> "${value}" is used by an earlier item; every item needs its own`));
      guids.add(value);
    }
    const pubDate = childText(item, "", "pubDate");
    if (pubDate === undefined) findings.push(warning(`${where} has no <pubDate>`));
    else {
      const problem = rfc822Problem(pubDate);
      if (problem) findings.push(error(`${where} <pubDate>: ${problem}`));
    }
    for (const author of childElements(item, "", "author")) {
      if (!/^\S+@\S+/.test(author.text.trim())) findings.push(warning(`${where}: <author> "${author.text.trim()}" is not an e-mail address; use dc:creator for names`));
    }
    for (const enclosure of childElements(item, "", "enclosure")) {
      if (!isAbsoluteHttpUrl(enclosure.attributes.url)) findings.push(error(`${where}: <enclosure> url "${enclosure.attributes.url ?? ""}" is not an absolute http(s) URL`));
      if (!/^\d+$/.test(enclosure.attributes.length ?? "")) findings.push(error(`${where}: <enclosure> needs a length in bytes`));
      if (!/^[\w.+-]+\/[\w.+-]+$/.test(enclosure.attributes.type ?? "")) findings.push(error(`${where}: <enclosure> needs a MIME type such as image/jpeg`));
    }
    for (const media of childElements(item, MEDIA, "content")) {
      if (!isAbsoluteHttpUrl(media.attributes.url)) findings.push(error(`${where}: <media:content> url "${media.attributes.url ?? ""}" is not an absolute http(s) URL`));
    }
  });
  return findings;
}

/** The `atom:link rel="self"` rules shared by RSS and Atom: present (warning), absolute, and equal to the file's URL. */
export function selfLinkFindings(links: XmlElementNode[], expectedSelfUrl: string | null): Finding[] {
  const self = links.filter((link) => link.attributes.rel === "self");
  if (self.length === 0) return [warning(`there is no rel="self" link, so readers cannot tell the feed's own address`)];
  if (self.length > 1) return [error(`there are ${self.length} rel="self" links; a feed has one address`)];
  const href = self[0]!.attributes.href;
  if (!isAbsoluteHttpUrl(href)) return [error(`the self link "${href ?? ""}" is not an absolute http(s) URL`)];
  if (expectedSelfUrl !== null && href !== expectedSelfUrl) {
    return [error(`the self link is "${href}" but this file is published at "${expectedSelfUrl}"`)];
  }
  return [];
}
