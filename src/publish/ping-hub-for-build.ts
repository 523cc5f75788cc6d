import { feedTopicUrls } from "./feed-topic-urls.js";
import { notifyHub, type NotifyHubOptions, type NotifyHubResult } from "./websub.js";

/** Options for pingHubForBuild. */
export interface PingHubForBuildOptions extends Omit<NotifyHubOptions, "hubUrl" | "topicUrls"> {
  /** The `hub` config value; nothing is sent when it is unset. */
  hubUrl: string | undefined;
  /** The public site URL the feeds are published under (config `siteUrl`). */
  siteUrl: string;
  /** Files the build wrote with new content, relative to `out/`. */
  changedFiles: readonly string[];
}

/**
 * After a build: pings the hub once for each feed among the changed files,
 * and not at all when no hub is configured or no feed changed. Never throws;
 * problems come back as warning sentences for the build to print.
 * Do not call it for `serve` builds: a public hub cannot fetch 127.0.0.1.
 */
export async function pingHubForBuild(options: PingHubForBuildOptions): Promise<NotifyHubResult> {
  const { hubUrl, siteUrl, changedFiles, ...rest } = options;
  if (!hubUrl) return { notified: [], warnings: [] };
  const topicUrls = feedTopicUrls(siteUrl, changedFiles);
  if (topicUrls.length === 0) return { notified: [], warnings: [] };
  return notifyHub({ ...rest, hubUrl, topicUrls });
}
