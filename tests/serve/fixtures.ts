import { mkdir, mkdtemp, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const RSS_ITEM_TITLES = ["First light over the harbour", "Council approves the tram line", "Night market returns", "Library extends its hours"];

/** A hand-written, valid RSS 2.0 feed with four items (long enough to be compressed). */
export const RSS_FIXTURE = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Fixture News</title>
    <link>http://127.0.0.1/</link>
    <description>A feed written by hand for the serve tests.</description>
    <language>en</language>
    <atom:link rel="self" type="application/rss+xml" href="http://127.0.0.1/rss.xml"/>
${RSS_ITEM_TITLES.map(
  (title, i) => `    <item>
      <title>${title}</title>
      <link>http://127.0.0.1/2024/01/0${i + 1}/item-${i + 1}/</link>
      <guid isPermaLink="false">fixture-${i + 1}</guid>
      <pubDate>Mon, 0${i + 1} Jan 2024 08:00:00 GMT</pubDate>
      <description>Item ${i + 1}: ${title}. ${"Some words to make the body worth compressing. ".repeat(4)}</description>
    </item>`,
).join("\n")}
  </channel>
</rss>
`;

export const ATOM_FIXTURE = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture</title><id>urn:x:fixture</id><updated>2024-01-01T00:00:00Z</updated>
${"<!-- padding so the feed is large enough to be compressed -->\n".repeat(8)}</feed>
`;

export const JSON_FEED_FIXTURE = JSON.stringify(
  { version: "https://jsonfeed.org/version/1.1", title: "Fixture", items: [{ id: "1", content_text: "x".repeat(400) }] },
  null,
  2,
);

export const SECRET = "TOP-SECRET-DO-NOT-SERVE";

/** The files written into the served folder, by request path, with their expected Content-Type prefix. */
export const SERVED_FILES: ReadonlyArray<{ path: string; body: string | Buffer; type: string; compressible: boolean }> = [
  { path: "/rss.xml", body: RSS_FIXTURE, type: "application/rss+xml", compressible: true },
  { path: "/atom.xml", body: ATOM_FIXTURE, type: "application/atom+xml", compressible: true },
  { path: "/feed.json", body: JSON_FEED_FIXTURE, type: "application/feed+json", compressible: true },
  { path: "/tags/news.rss", body: RSS_FIXTURE, type: "application/rss+xml", compressible: true },
  { path: "/tags/news.atom", body: ATOM_FIXTURE, type: "application/atom+xml", compressible: true },
  { path: "/sitemap.xml", body: `<?xml version="1.0"?><urlset>${" ".repeat(300)}</urlset>`, type: "application/xml", compressible: true },
  { path: "/index.html", body: `<!doctype html><title>Home</title>${"<p>home</p>".repeat(40)}`, type: "text/html; charset=utf-8", compressible: true },
  { path: "/2024/01/01/item-1/index.html", body: `<!doctype html><title>Item</title>${"<p>item</p>".repeat(40)}`, type: "text/html; charset=utf-8", compressible: true },
  { path: "/feed.xsl", body: `<?xml version="1.0"?><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">${" ".repeat(300)}</xsl:stylesheet>`, type: "text/xsl", compressible: true },
  { path: "/style.css", body: `body { margin: 0 }\n${"p { color: black }\n".repeat(30)}`, type: "text/css", compressible: true },
  { path: "/app.js", body: `console.log("hi");\n${"// padding\n".repeat(40)}`, type: "text/javascript", compressible: true },
  { path: "/data.json", body: JSON.stringify({ list: Array.from({ length: 120 }, (_, i) => i) }), type: "application/json", compressible: true },
  { path: "/pic.png", body: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 7)]), type: "image/png", compressible: false },
  { path: "/photo.jpg", body: Buffer.alloc(600, 1), type: "image/jpeg", compressible: false },
  { path: "/unknown.bin", body: Buffer.alloc(10, 2), type: "application/octet-stream", compressible: false },
];

/** A served folder `site/` inside a temp root that also holds a secret file and folder the server must never reveal. */
export async function makeSite(): Promise<{ root: string; site: string; outside: string }> {
  const root = await mkdtemp(path.join(tmpdir(), "feedwright-serve-"));
  const site = path.join(root, "site");
  const outside = path.join(root, "outside");
  await mkdir(site);
  await mkdir(outside);
  await writeFile(path.join(root, "secret.txt"), SECRET);
  await writeFile(path.join(outside, "secret.txt"), SECRET);
  for (const file of SERVED_FILES) {
    const target = path.join(site, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.body);
  }
  // A fixed mtime makes Last-Modified predictable.
  const fixed = new Date("2024-01-02T03:04:05Z");
  await utimes(path.join(site, "rss.xml"), fixed, fixed);
  await mkdir(path.join(site, "empty-dir"));
  await writeFile(path.join(site, ".feedwright-cache.json"), SECRET);
  await symlink(path.join(outside, "secret.txt"), path.join(site, "leak.txt"));
  await symlink(outside, path.join(site, "leakdir"));
  await symlink(path.join(site, "rss.xml"), path.join(site, "alias.xml"));
  return { root, site, outside };
}
