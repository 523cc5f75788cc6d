/**
 * Turns the path of an HTTP request into a path inside the served folder,
 * or refuses it. Pure: no file system access (symlinks are checked by the
 * server with `realpath` after this).
 */

/** A request path that maps to a place inside the folder. */
export interface ResolvedRequestPath {
  ok: true;
  /** Decoded path segments, none empty, none `.` or `..`. Empty for the root. */
  segments: string[];
  /** True when the request path ends with `/` (a directory was asked for). */
  trailingSlash: boolean;
}

/** A request path that is refused, with the rule that refused it. */
export interface RefusedRequestPath {
  ok: false;
  rule: string;
  /** The HTTP status to answer with. */
  status: 400 | 404;
}

/** A rule that refuses a request path; `test` sees the raw path or the decoded one. */
export interface PathRefusalRule {
  name: string;
  stage: "raw" | "decoded";
  /** 400 for malformed or hostile paths; 404 for files that exist but are not published. */
  status: 400 | 404;
  test: (path: string) => boolean;
}

/**
 * Every way a request path is refused. Checked in order; the first match wins.
 * Encoded forms are refused too: anything still percent-encoded after one
 * decoding (double encoding such as `%252e`) is an attack or a mistake, since
 * feedwright never writes file names containing `%`.
 */
export const PATH_REFUSAL_RULES: readonly PathRefusalRule[] = [
  { name: "not-origin-form", stage: "raw", status: 400, test: (p) => !p.startsWith("/") },
  { name: "bad-percent-encoding", stage: "raw", status: 400, test: (p) => /%(?![0-9A-Fa-f]{2})/.test(p) },
  { name: "nul", stage: "decoded", status: 400, test: (p) => p.includes("\0") },
  { name: "control-character", stage: "decoded", status: 400, test: (p) => /[\u0001-\u001f\u007f]/.test(p) },
  { name: "backslash", stage: "decoded", status: 400, test: (p) => p.includes("\\") },
  { name: "double-encoding", stage: "decoded", status: 400, test: (p) => /%[0-9A-Fa-f]{2}/.test(p) },
  { name: "empty-segment", stage: "decoded", status: 400, test: (p) => p.includes("//") },
  { name: "dot-segment", stage: "decoded", status: 400, test: (p) => p.split("/").some((s) => s === "." || s === "..") },
  { name: "drive-letter", stage: "decoded", status: 400, test: (p) => p.split("/").some((s) => /^[A-Za-z]:/.test(s)) },
  {
    // Dotfiles in out/ are feedwright's own bookkeeping (cache, lock); `.well-known` is public by convention.
    name: "hidden-file",
    stage: "decoded",
    status: 404,
    test: (p) => p.split("/").some((s) => s.startsWith(".") && s !== ".well-known"),
  },
];

/**
 * Resolves the path part of a request target (`req.url`, query allowed) into
 * safe segments under the served folder, or names the rule that refused it.
 */
export function resolveRequestPath(requestTarget: string): ResolvedRequestPath | RefusedRequestPath {
  const rawPath = requestTarget.split(/[?#]/, 1)[0] ?? "";
  for (const rule of PATH_REFUSAL_RULES) {
    if (rule.stage === "raw" && rule.test(rawPath)) return { ok: false, rule: rule.name, status: rule.status };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, rule: "bad-percent-encoding", status: 400 };
  }
  for (const rule of PATH_REFUSAL_RULES) {
    if (rule.stage === "decoded" && rule.test(decoded)) return { ok: false, rule: rule.name, status: rule.status };
  }
  const segments = decoded.split("/").filter((segment) => segment !== "");
  return { ok: true, segments, trailingSlash: decoded.endsWith("/") };
}
