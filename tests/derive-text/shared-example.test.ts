import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { deriveFromText } from "../../src/derive/text/derive-from-text.js";
import { renderTextBlocksHtml } from "../../src/derive/text/render-text-blocks-html.js";
import { decodeText } from "../../src/read/decode.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const exampleName = join("shared", "examples", "2021-10-19-milley-gerasimov-helsinki.txt");
// ../shared beside the repository (CI, the main checkout); one level further up from a worktree.
const example =
  [join(repoRoot, "..", exampleName), join(repoRoot, "..", "..", exampleName)].find((path) => existsSync(path)) ??
  join(repoRoot, "..", exampleName);

describe.skipIf(!existsSync(example))("the shared Milley-Gerasimov example", () => {
  const derive = (timeZone: string) =>
    deriveFromText(decodeText(readFileSync(example)).text, {
      fileName: "2021-10-19-milley-gerasimov-helsinki.txt",
      timeZone,
      summaryLength: 300,
    });

  it("derives title, date, lead, credits and no author", () => {
    const derived = derive("Europe/Warsaw");
    expect(derived.title).toBe(
      "Afghanistan. Chiefs of General Staffs of the USA and Russia. Generals Mark Milley and Valery Gerasimov talked about the situation after the Taliban took power",
    );
    expect(derived.published).toBe("2021-10-19T00:00:00+02:00");
    expect(derived.updated).toBeNull();
    expect(derived.author).toBeNull();
    expect(derived.lead).toMatch(/^The chairman of the Joint Chiefs/u);
    expect(derived.lead).toMatch(/said a spokesman for the US general\.$/u);
    expect(derived.summary!.length).toBeLessThanOrEqual(300);
    expect(derived.lead!.startsWith(derived.summary!.replace(/…$/u, ""))).toBe(true);
    expect(derived.imageCredits).toEqual([
      { caption: "Gen. Mark Milley", credit: "JIM LO SCALZO / EPA / PAP" },
      { caption: "General Valery Gerasimov", credit: "MAXIM SHIPENKOV / EPA" },
    ]);
    expect(derived.mainImageCredit).toBe("JIM LO SCALZO / EPA / PAP");
    expect(derived.warnings).toEqual([]);
    expect(derived.lines).toMatchObject({ title: 4, published: 2 });
  });

  it("uses the configured zone's offset for the date-only date bar", () => {
    expect(derive("UTC").published).toBe("2021-10-19T00:00:00+00:00");
    expect(derive("America/New_York").published).toBe("2021-10-19T00:00:00-04:00");
  });

  it("keeps the subheading as a heading and no chrome in the body", () => {
    const derived = derive("Europe/Warsaw");
    expect(derived.blocks).toContainEqual({ type: "heading", text: "Al Qaeda and Islamic State threat warnings" });
    expect(derived.blocks.filter((block) => block.type === "heading")).toHaveLength(1);
    const html = renderTextBlocksHtml(derived.blocks);
    for (const chrome of ["Must read", "Advertisement", "Source link", "More articles", "Latest article", "17.2 C", "Tuesday, October 19"]) {
      expect(html).not.toContain(chrome);
    }
    expect(html).toContain('<figcaption>Gen. Mark Milley <small class="credit">JIM LO SCALZO / EPA / PAP</small></figcaption>');
    expect(html.startsWith("<p>The chairman of the Joint Chiefs")).toBe(true);
    expect(html).not.toContain("MilleyJIM");
  });
});
