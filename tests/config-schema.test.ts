import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config/schema.js";

describe("configSchema", () => {
  it("fills defaults for an empty config", () => {
    const config = configSchema.parse({});
    expect(config.timeZone).toBe("UTC");
    expect(config.feedLimit).toBe(20);
  });

  it("rejects unknown keys and bad zones", () => {
    expect(configSchema.safeParse({ titel: "x" }).success).toBe(false);
    expect(configSchema.safeParse({ timeZone: "Mars/Olympus" }).success).toBe(false);
  });
});
