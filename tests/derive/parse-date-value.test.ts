import { describe, expect, it } from "vitest";
import { parse as parseToml } from "smol-toml";
import { parseDateValue } from "../../src/derive/parse-date-value.js";

describe("parseDateValue", () => {
  it("reads a date without a zone at midnight in the configured zone", () => {
    expect(parseDateValue("2014-03-10", "Europe/Warsaw")).toBe("2014-03-10T00:00:00+01:00");
    expect(parseDateValue("2014-07-10", "Europe/Warsaw")).toBe("2014-07-10T00:00:00+02:00");
    expect(parseDateValue("2014-03-10", "UTC")).toBe("2014-03-10T00:00:00+00:00");
  });

  it("keeps an explicit offset", () => {
    expect(parseDateValue("2017-07-24T18:36:00+02:00", "America/New_York")).toBe("2017-07-24T18:36:00+02:00");
    expect(parseDateValue("2017-07-24 18:36:00 -0400", "UTC")).toBe("2017-07-24T18:36:00-04:00");
    expect(parseDateValue("2017-07-24T16:36:00Z", "Europe/Warsaw")).toBe("2017-07-24T16:36:00+00:00");
  });

  it("reads a local date-time in the configured zone", () => {
    expect(parseDateValue("2017-07-24 18:36", "America/New_York")).toBe("2017-07-24T18:36:00-04:00");
  });

  it("reads TOML dates in their written form", () => {
    const data = parseToml('a = 2014-04-02\nb = 2014-04-02T10:00:00\nc = 2014-04-02T10:00:00+02:00');
    expect(parseDateValue(data.a, "Europe/Warsaw")).toBe("2014-04-02T00:00:00+02:00");
    expect(parseDateValue(data.b, "UTC")).toBe("2014-04-02T10:00:00+00:00");
    expect(parseDateValue(data.c, "UTC")).toBe("2014-04-02T10:00:00+02:00");
  });

  it("rejects what is not a date", () => {
    expect(parseDateValue("yesterday", "UTC")).toBeNull();
    expect(parseDateValue("2021-02-30", "UTC")).toBeNull();
    expect(parseDateValue(42, "UTC")).toBeNull();
    expect(parseDateValue(undefined, "UTC")).toBeNull();
  });
});
