import { describe, expect, it } from "vitest";
import { pingHubForBuild } from "../../src/publish/ping-hub-for-build.js";

function recordingFetch() {
  const bodies: string[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    bodies.push(String(init?.body));
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  return { bodies, fetchImpl };
}

describe("pingHubForBuild", () => {
  it("pings once per changed feed, with the feed's public URL", async () => {
    const { bodies, fetchImpl } = recordingFetch();
    const result = await pingHubForBuild({
      hubUrl: "https://hub.example/",
      siteUrl: "https://news.example.org/",
      changedFiles: ["rss.xml", "2024/01/02/a/index.html", "atom.xml", "feed.json"],
      fetchImpl,
    });
    expect(result.notified).toEqual(["https://news.example.org/rss.xml", "https://news.example.org/atom.xml", "https://news.example.org/feed.json"]);
    expect(bodies).toEqual([
      "hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Frss.xml",
      "hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Fatom.xml",
      "hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.json",
    ]);
  });

  it("sends nothing when no feed changed", async () => {
    const { bodies, fetchImpl } = recordingFetch();
    const result = await pingHubForBuild({ hubUrl: "https://hub.example/", siteUrl: "https://x.example/", changedFiles: ["index.html"], fetchImpl });
    expect(result).toEqual({ notified: [], warnings: [] });
    expect(bodies).toEqual([]);
  });

  it("sends nothing when no hub is configured", async () => {
    const { bodies, fetchImpl } = recordingFetch();
    await pingHubForBuild({ hubUrl: undefined, siteUrl: "https://x.example/", changedFiles: ["rss.xml"], fetchImpl });
    expect(bodies).toEqual([]);
  });
});
