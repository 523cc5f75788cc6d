import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "./handle-request.js";

/** Where `feedwright serve` listens unless told otherwise: loopback only, so nothing is exposed by accident. */
export const DEFAULT_HOST = "127.0.0.1";
/** The default port (the same one Vite's preview uses, and the default `siteUrl`'s). */
export const DEFAULT_PORT = 4173;

/** Options for startServer. */
export interface StartServerOptions {
  /** The folder to serve (the build's `out/`). It may not exist yet: requests then get 404. */
  dir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Receives one line per request; silent when omitted. */
  log?: (line: string) => void;
}

/** A listening server. */
export interface RunningServer {
  /** The base address, ending in `/`, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  /** Stops listening and ends open keep-alive connections; resolves when the server is closed. */
  close(): Promise<void>;
}

/** The server could not listen on the address asked for; the message says what to do. */
export class ListenError extends Error {
  override name = "ListenError";
}

/** Addresses that mean "every interface": the URL to open is then the loopback one. */
const WILDCARD_HOSTS: Readonly<Record<string, string>> = { "0.0.0.0": "127.0.0.1", "::": "::1" };

function urlHost(host: string): string {
  const reachable = WILDCARD_HOSTS[host] ?? host;
  return reachable.includes(":") ? `[${reachable}]` : reachable;
}

/**
 * Starts a static HTTP server over `dir` that behaves like a good host for
 * feeds: feed content types, ETag / Last-Modified with 304s, br or gzip when
 * the client accepts them, HEAD, Cache-Control, directory index pages, a
 * plain 404 page, 405 for other methods, and no path that escapes the folder.
 * Rejects with a ListenError, whose message is a sentence, when the address cannot be used.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const requestedPort = options.port ?? DEFAULT_PORT;
  const server = createServer(createRequestHandler({ dir: options.dir, log: options.log ?? (() => {}) }));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(new ListenError(listenErrorSentence(error, host, requestedPort)));
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(requestedPort, host);
  });

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}/`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Feed readers and browsers hold keep-alive connections open; without this, close() would wait for them.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listenErrorSentence(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `Port ${port} on ${host} is already in use. Stop the other server or choose another port with --port.`;
    case "EACCES":
      return `Not allowed to listen on port ${port} on ${host}. Choose a port above 1023 with --port.`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return `The address ${host} is not available on this machine. Use --host 127.0.0.1, or --host 0.0.0.0 to listen on every interface.`;
    default:
      return `Could not start the server on ${host}:${port} (${error.message}). Check --host and --port.`;
  }
}
