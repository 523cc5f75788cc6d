import type { IncomingMessage, ServerResponse } from "node:http";
import { chooseEncoding } from "./choose-encoding.js";
import { COMPRESSION_MIN_BYTES, CompressionCache } from "./compress-body.js";
import { encodedEtag, etagFor, isNotModified } from "./conditional-request.js";
import { contentKindFor } from "./content-types.js";
import { negotiateFeedType, variesByAccept } from "./negotiate-feed-type.js";
import { findServedFile } from "./find-served-file.js";
import { resolveRequestPath } from "./resolve-request-path.js";

/** Methods the server answers; anything else gets 405. */
export const ALLOWED_METHODS = ["GET", "HEAD"] as const;

/** Plain status pages, kept tiny and free of any request data (nothing to inject into). */
export const STATUS_PAGES: Readonly<Record<number, string>> = {
  400: "<!doctype html>\n<title>400 Bad Request</title>\n<h1>Bad request</h1>\n<p>This address is not a valid path in this site.</p>\n",
  403: "<!doctype html>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>This address points outside the published folder.</p>\n",
  404: "<!doctype html>\n<title>404 Not Found</title>\n<h1>Not found</h1>\n<p>There is no file at this address. Check the link, or run <code>feedwright build</code> if the site has not been built yet.</p>\n",
  405: "<!doctype html>\n<title>405 Method Not Allowed</title>\n<h1>Method not allowed</h1>\n<p>This server only answers GET and HEAD.</p>\n",
  500: "<!doctype html>\n<title>500 Internal Server Error</title>\n<h1>Server error</h1>\n<p>The file could not be read; the server log says why.</p>\n",
};

/** Redirects to a directory's canonical address are stable, but keep them short-lived while developing. */
const SHORT_REDIRECT_CACHE = "public, max-age=60";

/** What the request handler needs to know. */
export interface RequestHandlerOptions {
  dir: string;
  log: (line: string) => void;
}

/** Makes a log-safe copy of a request path: control characters become escapes, length is capped. */
function printablePath(target: string): string {
  const escaped = target.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return escaped.length > 300 ? `${escaped.slice(0, 300)}...` : escaped;
}

/**
 * Returns a `node:http` request listener that serves the files in `dir`
 * (see startServer for the behaviour) and logs one line per request:
 * `GET /rss.xml 200 1834 B 2 ms`.
 */
export function createRequestHandler(options: RequestHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const compressionCache = new CompressionCache();

  const sendStatusPage = (res: ServerResponse, status: number, isHead: boolean, extraHeaders: Record<string, string> = {}): number => {
    const body = Buffer.from(STATUS_PAGES[status] ?? `${status}\n`, "utf8");
    res.writeHead(status, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    });
    res.end(isHead ? undefined : body);
    return isHead ? 0 : body.length;
  };

  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const method = req.method ?? "GET";
    const isHead = method === "HEAD";
    if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
      return sendStatusPage(res, 405, false, { Allow: ALLOWED_METHODS.join(", ") });
    }
    const target = req.url ?? "/";
    const resolved = resolveRequestPath(target);
    if (!resolved.ok) return sendStatusPage(res, resolved.status, isHead);

    const found = await findServedFile(options.dir, resolved.segments, resolved.trailingSlash);
    if (found.kind === "outside-folder") return sendStatusPage(res, 403, isHead);
    if (found.kind === "not-found") return sendStatusPage(res, 404, isHead);
    if (found.kind === "redirect-to-directory") {
      // The raw path is reused as-is: it starts with one "/" and holds no "//"
      // (resolveRequestPath refused those), so it cannot redirect off-site.
      const [rawPath = "/", ...rest] = target.split("?");
      const query = rest.length > 0 ? `?${rest.join("?")}` : "";
      res.writeHead(301, { Location: `${rawPath}/${query}`, "Content-Length": "0", "Cache-Control": SHORT_REDIRECT_CACHE });
      res.end();
      return 0;
    }

    const kind = contentKindFor(found.requestedName);
    const identityEtag = etagFor(found.body);
    const encoding =
      kind.compressible && found.body.length >= COMPRESSION_MIN_BYTES ? chooseEncoding(headerValue(req.headers["accept-encoding"])) : null;
    const etag = encodedEtag(identityEtag, encoding);
    const headers: Record<string, string> = {
      "Content-Type": negotiateFeedType(kind.contentType, headerValue(req.headers.accept)),
      "Cache-Control": kind.cacheControl,
      ETag: etag,
      "Last-Modified": new Date(found.lastModifiedMs).toUTCString(),
      "X-Content-Type-Options": "nosniff",
    };
    // Caches must keep compressed and plain copies apart for anything we might compress.
    const vary = [...(kind.compressible ? ["Accept-Encoding"] : []), ...(variesByAccept(kind.contentType) ? ["Accept"] : [])];
    if (vary.length > 0) headers.Vary = vary.join(", ");

    if (
      isNotModified({
        ifNoneMatch: headerValue(req.headers["if-none-match"]),
        ifModifiedSince: headerValue(req.headers["if-modified-since"]),
        etag,
        lastModifiedMs: found.lastModifiedMs,
      })
    ) {
      res.writeHead(304, headers);
      res.end();
      return 0;
    }

    const body = encoding ? await compressionCache.compress(identityEtag, encoding, found.body) : found.body;
    if (encoding) headers["Content-Encoding"] = encoding;
    headers["Content-Length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(isHead ? undefined : body);
    return isHead ? 0 : body.length;
  };

  return (req, res) => {
    const started = performance.now();
    const method = req.method ?? "?";
    const finish = (status: number, bytes: number) => {
      const ms = Math.round(performance.now() - started);
      options.log(`${method} ${printablePath(req.url ?? "")} ${status} ${bytes} B ${ms} ms`);
    };
    respond(req, res).then(
      (bytes) => finish(res.statusCode, bytes),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        options.log(`error serving ${printablePath(req.url ?? "")}: ${reason}`);
        if (!res.headersSent) finish(500, sendStatusPage(res, 500, method === "HEAD"));
        else {
          res.destroy();
          finish(res.statusCode, 0);
        }
      },
    );
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}
