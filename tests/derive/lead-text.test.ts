import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadText } from "../../src/derive/markdown.js";

describe("leadText", () => {
  it("passes over paragraphs without words, and paragraphs inside lists and quotes", () => {
    const body = ["![A photo](/a.jpg)", "2024 — 12", "- a list item", "> a quote", "The  first\nreal   paragraph.", "Another one."].join("\n\n");
    expect(leadText(body)).toBe("The first real paragraph.");
  });

  it("takes everything before <!--more--> as the lead", () => {
    expect(leadText("One.\n\nTwo *words*.\n\n<!--more-->\n\nThree.")).toBe("One. Two words.");
  });

  it("is null when no paragraph has a letter", () => {
    expect(leadText("# Title\n\n![x](/x.jpg)\n\n123")).toBeNull();
  });

  it("is the first paragraph with a letter, its spaces collapsed (property)", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join("  "));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const expected = paragraphs.find((text) => /\p{L}/u.test(text))?.replace(/\s+/g, " ") ?? null;
        expect(leadText(paragraphs.join("\n\n"))).toBe(expected);
      }),
    );
  });
});
