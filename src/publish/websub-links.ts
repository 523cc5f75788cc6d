/**
 * What each feed format must carry so WebSub subscribers find the hub.
 * The spec requires both a `hub` link and a `self` link naming the exact
 * URL the feed is published at (the topic); the hub is pinged with that
 * same self URL. Renderers read this description instead of hard-coding it.
 */

/** The Atom namespace, for `<atom:link>` inside RSS. */
export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/** One link element to add to a feed. */
export interface FeedLinkElement {
  rel: "hub" | "self";
  href: string;
  type?: string;
}

/** The discovery links each format needs, as data. */
export interface HubLinkDescription {
  /**
   * RSS 2.0: inside `<channel>`, elements named `atom:link`, with
   * `xmlns:atom="http://www.w3.org/2005/Atom"` declared on `<rss>`.
   */
  rss: { element: "atom:link"; namespace: { prefix: "atom"; uri: string }; links: FeedLinkElement[] };
  /** Atom 1.0: `<link>` children of `<feed>`. */
  atom: { element: "link"; links: FeedLinkElement[] };
  /** JSON Feed 1.1: top-level `hubs` (and `feed_url` for self). */
  json: { feed_url: string; hubs: Array<{ type: "WebSub"; url: string }> };
}

/** Per-format media types used on `self` links. */
export const FEED_MEDIA_TYPES = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
} as const;

/** Where each format's feed is published (absolute URLs). */
export interface FeedUrls {
  rss: string;
  atom: string;
  json: string;
}

/**
 * Describes the hub and self links each feed needs when the config names
 * `hubUrl`; `feedUrls` are the absolute addresses the feeds are published at
 * (the same URLs later passed to notifyHub as topics).
 */
export function describeHubLinks(hubUrl: string, feedUrls: FeedUrls): HubLinkDescription {
  const linksFor = (format: keyof FeedUrls): FeedLinkElement[] => [
    { rel: "hub", href: hubUrl },
    { rel: "self", href: feedUrls[format], type: FEED_MEDIA_TYPES[format] },
  ];
  return {
    rss: { element: "atom:link", namespace: { prefix: "atom", uri: ATOM_NAMESPACE }, links: linksFor("rss") },
    atom: { element: "link", links: linksFor("atom") },
    json: { feed_url: feedUrls.json, hubs: [{ type: "WebSub", url: hubUrl }] },
  };
}
