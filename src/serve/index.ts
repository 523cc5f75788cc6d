export { startServer, ListenError, DEFAULT_HOST, DEFAULT_PORT, type StartServerOptions, type RunningServer } from "./start-server.js";
export { createRequestHandler, ALLOWED_METHODS, STATUS_PAGES, type RequestHandlerOptions } from "./handle-request.js";
export {
  contentKindFor,
  CONTENT_KIND_BY_EXTENSION,
  CONTENT_KIND_BY_FILE_NAME,
  FALLBACK_CONTENT_KIND,
  type ContentKind,
} from "./content-types.js";
export { resolveRequestPath, PATH_REFUSAL_RULES } from "./resolve-request-path.js";
export { chooseEncoding, SUPPORTED_ENCODINGS, type ContentEncoding } from "./choose-encoding.js";
export { etagFor, encodedEtag, isNotModified } from "./conditional-request.js";
export { runServe, type RunServeOptions, type RunningServe } from "./run-serve.js";
export { closeOnSignals, SHUTDOWN_SIGNALS } from "./close-on-signals.js";
export { serveCommand, type ServeCommandOptions } from "./serve-command.js";
