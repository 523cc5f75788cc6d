import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wallTimeToIso } from "../../src/derive/zoned-date.js";

/** What wallTimeToIso gave before its fixed-offset fast path: TZDate for every zone. */
function viaTzDate(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): string {
  const iso = new TZDate(year, month - 1, day, hour, minute, Math.min(second, 59), zone).toISOString();
  return iso.replace(/\.\d{3}(?=[+-]\d\d:\d\d$|Z$)/, "");
}

describe("wallTimeToIso with a fixed offset", () => {
  it("gives exactly what TZDate gives", () => {
    const zone = fc.oneof(
      fc.constant("UTC"),
      fc
        .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
        .map(([sign, h, m]) => `${sign}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 60 }),
        zone,
        (year, month, day, hour, minute, second, offset) => {
          expect(wallTimeToIso({ year, month, day, hour, minute, second }, offset)).toBe(viaTzDate(year, month, day, hour, minute, second, offset));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("keeps the examples people write", () => {
    expect(wallTimeToIso({ year: 2021, month: 10, day: 19, hour: 8, minute: 30 }, "+02:00")).toBe("2021-10-19T08:30:00+02:00");
    expect(wallTimeToIso({ year: 2021, month: 10, day: 19 }, "-04:30")).toBe("2021-10-19T00:00:00-04:30");
    expect(wallTimeToIso({ year: 2021, month: 2, day: 30 }, "+00:00")).toBeNull();
    expect(wallTimeToIso({ year: 2021, month: 3, day: 28, hour: 2, minute: 30 }, "Europe/Warsaw")).toBe("2021-03-28T03:30:00+02:00");
  });
});
