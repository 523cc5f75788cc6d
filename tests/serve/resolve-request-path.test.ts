import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveRequestPath } from "../../src/serve/resolve-request-path.js";

describe("resolveRequestPath", () => {
  it.each([
    ["/", []],
    ["/rss.xml", ["rss.xml"]],
    ["/2024/01/02/slug/?utm=x", ["2024", "01", "02", "slug"]],
    ["/caf%C3%A9/index.html", ["café", "index.html"]],
    ["/.well-known/security.txt", [".well-known", "security.txt"]],
  ])("accepts %s", (target, segments) => {
    const result = resolveRequestPath(target);
    expect(result).toMatchObject({ ok: true, segments });
  });

  it("notes a trailing slash", () => {
    expect(resolveRequestPath("/a/")).toMatchObject({ ok: true, trailingSlash: true });
    expect(resolveRequestPath("/a")).toMatchObject({ ok: true, trailingSlash: false });
  });

  it.each([
    ["/../etc/passwd", "dot-segment"],
    ["/%2e%2e/", "dot-segment"],
    ["/a/%2E/b", "dot-segment"],
    ["/%252e%252e/", "double-encoding"],
    ["/..%5c", "backslash"],
    ["/a\\b", "backslash"],
    ["/a%00b", "nul"],
    ["/a%0d%0aSet-Cookie:x", "control-character"],
    ["//etc/passwd", "empty-segment"],
    ["/a//b", "empty-segment"],
    ["/C:/Windows", "drive-letter"],
    ["/%zz", "bad-percent-encoding"],
    ["/%E0%A4%A", "bad-percent-encoding"],
    ["/%C3%28", "bad-percent-encoding"],
    ["etc/passwd", "not-origin-form"],
    ["http://evil.example/x", "not-origin-form"],
    ["*", "not-origin-form"],
    ["/.feedwright-lock", "hidden-file"],
    ["/.git/config", "hidden-file"],
  ])("refuses %s (%s)", (target, rule) => {
    expect(resolveRequestPath(target)).toMatchObject({ ok: false, rule, status: rule === "hidden-file" ? 404 : 400 });
  });

  it("never yields a path that leaves the folder, for any request text", () => {
    const root = path.resolve("/srv/out");
    const pieces = fc.constantFrom("..", ".", "%2e", "%2E", "%25", "%5c", "\\", "/", "%2f", "%00", "a", "b.xml", "%", "%252e", "C:", "~");
    const target = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((parts) => `/${parts.join("")}`));
    fc.assert(
      fc.property(target, (requestTarget) => {
        const result = resolveRequestPath(requestTarget);
        if (!result.ok) return;
        for (const segment of result.segments) {
          expect(segment).not.toBe("..");
          expect(segment).not.toBe(".");
          expect(segment).not.toMatch(/[\\/\0]/);
        }
        const joined = path.resolve(root, ...result.segments);
        expect(joined === root || joined.startsWith(root + path.sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
