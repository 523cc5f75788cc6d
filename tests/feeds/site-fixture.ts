import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "../../src/index.js";
import { makeFixture } from "../helpers/fixture.js";

export const NOW = "2024-06-01T00:00:00Z";
export const SITE_URL = "https://example.org/blog/";

/** A site whose articles exercise every feed rule: markup in titles, tags that slug alike, ids, collisions. */
export const SITE_FILES: Record<string, string> = {
  "feedwright.config.json": JSON.stringify({
    title: "Example & Co <Blog>",
    siteUrl: SITE_URL,
    language: "en-GB",
    author: { name: "Desk", email: "desk@example.org" },
    feedLimit: 2,
    image: "/img/channel.png",
    icon: "https://example.org/favicon.ico",
    logo: "img/logo.png",
    authorFeeds: true,
    hub: "https://hub.example/?a=1&b=2",
  }),
  "articles/2024-01-10-first.md": [
    "---",
    'title: "Ampersands & <b>tags</b> ]]> and &amp; literal ]]>"',
    "date: 2024-01-10T09:00:00+01:00",
    "tags: [C++, c, Ελληνικά, News]",
    "author: Jane Roe",
    "image: img/lead.jpg",
    "image_caption: The <lead> & caption",
    "image_credit: Photo Person",
    "summary: A summary with ]]> and <script>alert(1)</script> as text.",
    "---",
    "",
    'Body with a [relative link](../other/) and <a href="javascript:alert(1)" onclick="steal()">bad link</a>.',
    "",
    '<img src="pics/a.jpg" srcset="pics/a.jpg 1x, /pics/a@2x.jpg 2x" alt="A">',
    "",
    "<script>alert('x')</script><style>p{color:red}</style>",
    "",
    "Text with ]]> inside and ]]> twice.",
    "",
  ].join("\n"),
  "articles/2024-01-11-second.md": ["---", "title: Second", "id: post-123", "tags: [news]", "author: Jane Roe", "---", "", "Second body."].join("\n"),
  "articles/2024-01-12-third.md": [
    "---",
    "title: Third",
    "id: post-123",
    "permalink: /2024/01/11/second/",
    "tags: [News, c++]",
    "---",
    "",
    "Third body.",
  ].join("\n"),
};

/** Builds SITE_FILES (with `changes` applied) in a temp folder and gives a reader of its output. */
export async function buildSite(changes: Record<string, string> = {}) {
  const dir = await makeFixture({ ...SITE_FILES, ...changes });
  // websub: false: the fixture names a hub, and tests never touch the network.
  const summary = await build({ cwd: dir, now: NOW, websub: false });
  const read = (file: string) => readFile(path.join(dir, "out", file), "utf8");
  return { dir, summary, read, out: path.join(dir, "out") };
}
