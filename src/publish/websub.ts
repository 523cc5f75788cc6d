/**
 * WebSub (formerly PubSubHubbub) publisher pings: after a build changes a
 * feed, tell the hub so subscribers get the update pushed instead of waiting
 * for their next poll. https://www.w3.org/TR/websub/
 */

/** Options for notifyHub. */
export interface NotifyHubOptions {
  /** The hub's address, from the `hub` config key. */
  hubUrl: string;
  /** Absolute URLs of the feeds that changed in this build; each is pinged once. */
  topicUrls: string[];
  /** Per-attempt limit; default 10 s. */
  timeoutMs?: number;
  /** Extra attempts after the first on a network error, 5xx or 429; default 3. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one; default 1 s. */
  backoffMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** What notifyHub did: topics the hub accepted, and a warning sentence per topic it could not deliver. */
export interface NotifyHubResult {
  notified: string[];
  warnings: string[];
}

export const DEFAULT_HUB_TIMEOUT_MS = 10_000;
export const DEFAULT_HUB_RETRIES = 3;
export const DEFAULT_HUB_BACKOFF_MS = 1_000;

/** Hub answers worth trying again: the hub is overloaded or briefly broken, not refusing this request. */
export const RETRYABLE_HUB_STATUS = (status: number): boolean => status === 429 || status >= 500;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Network errors from fetch hide the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") return "the connection was refused";
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return "its host name could not be resolved";
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

/** Keeps a hub's error text short and on one line for a warning. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 160)}...` : line;
}

/**
 * Sends one `hub.mode=publish` ping per topic URL to the hub, with a timeout
 * per attempt and exponential backoff on network errors, 5xx and 429.
 * Never throws: whatever goes wrong becomes a warning sentence, because a
 * late push only means subscribers see the update at their next poll.
 */
export async function notifyHub(options: NotifyHubOptions): Promise<NotifyHubResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HUB_TIMEOUT_MS;
  const retries = Math.max(0, options.retries ?? DEFAULT_HUB_RETRIES);
  const backoffMs = options.backoffMs ?? DEFAULT_HUB_BACKOFF_MS;
  const result: NotifyHubResult = { notified: [], warnings: [] };
  const topics = [...new Set(options.topicUrls)];
  if (topics.length === 0) return result;

  if (!isHttpUrl(options.hubUrl)) {
    result.warnings.push(
      `The WebSub hub "${options.hubUrl}" is not an http(s) address, so no hub was notified. Set "hub" in the config to the hub's URL, such as "https://pubsubhubbub.appspot.com/".`,
    );
    return result;
  }

  for (const topic of topics) {
    let lastProblem = "";
    let delivered = false;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
      try {
        const response = await fetchImpl(options.hubUrl, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString(),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "follow",
        });
        const text = await response.text().catch(() => "");
        if (response.ok) {
          delivered = true;
          break;
        }
        lastProblem = `it answered HTTP ${response.status}${text ? ` ("${snippet(text)}")` : ""}`;
        if (!RETRYABLE_HUB_STATUS(response.status)) {
          result.warnings.push(
            `The WebSub hub at ${options.hubUrl} refused the update for ${topic}: ${lastProblem}. Check that the feed URL is public and that "hub" in the config names the right hub.`,
          );
          lastProblem = "";
          break;
        }
      } catch (error) {
        lastProblem = describeFailure(error, timeoutMs);
      }
    }
    if (delivered) result.notified.push(topic);
    else if (lastProblem) {
      const tries = retries + 1;
      result.warnings.push(
        `Could not notify the WebSub hub at ${options.hubUrl} about ${topic}: ${lastProblem} (${tries} ${tries === 1 ? "try" : "tries"}). Subscribers will still get the update when their readers next poll; check "hub" in the config and the network.`,
      );
    }
  }
  return result;
}
