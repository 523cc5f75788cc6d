import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNSAFE_PATH_RULES, UnsafePathError, assertSafeRelativePath, resolveInside, unsafePathReason } from "../../src/publish/safe-path.js";

describe("unsafePathReason", () => {
  it.each([
    ["", "is empty"],
    ["a\0b", "NUL"],
    ["..", ".."],
    ["../x", ".."],
    ["a/../../x", ".."],
    ["a/..", ".."],
    ["/etc/passwd", "absolute"],
    ["C:/x", "drive letter"],
    ["a\\..\\b", "backslash"],
    ["./a", ". segment"],
    ["a//b", "empty segment"],
    ["a/", "empty segment"],
  ])("refuses %j", (relPath, reason) => {
    expect(unsafePathReason(relPath)).toContain(reason);
    expect(() => assertSafeRelativePath(relPath)).toThrow(UnsafePathError);
  });

  it.each(["index.html", "2021/10/19/helsinki/index.html", ".well-known/x", "a..b/c...d", "tags/c++.xml"])(
    "accepts %j",
    (relPath) => {
      expect(unsafePathReason(relPath)).toBeNull();
    },
  );

  it("gives the rules' verdict for any path, its shortcut for plain paths included (property)", () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "a", "b.html", "-x", "_", "C:", "\\", "\0", ".x", "ü"), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const relPath = segments.join("/");
        const byRules = UNSAFE_PATH_RULES.find((rule) => rule.pattern.test(relPath))?.reason ?? null;
        expect(unsafePathReason(relPath)).toBe(byRules);
      }),
      { numRuns: 3000 },
    );
  });

  it("says which path and why in one sentence", () => {
    expect(() => assertSafeRelativePath("../x")).toThrow('refusing to write "../x" in the out dir: the path contains a .. segment');
  });
});

describe("resolveInside", () => {
  it("never resolves an accepted path outside the root (property)", () => {
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "", "a", "b.html", "/", "\\", "C:", "\0", "...", ".x"),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segments, leadingSlash) => {
        const relPath = (leadingSlash ? "/" : "") + segments.join("/");
        const root = "/srv/site/out";
        if (unsafePathReason(relPath) !== null) {
          expect(() => resolveInside(root, relPath)).toThrow(UnsafePathError);
          return;
        }
        const full = resolveInside(root, relPath);
        expect(full.startsWith(root + path.sep)).toBe(true);
        expect(path.relative(root, full).split(path.sep).join("/")).toBe(relPath);
      }),
      { numRuns: 2000 },
    );
  });
});
