import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/derive/text/compile-rules.js";
import { deriveFromText } from "../../src/derive/text/derive-from-text.js";
import { findTextDate } from "../../src/derive/text/find-text-date.js";
import { matchByline } from "../../src/derive/text/match-byline.js";
import { parseDateLine } from "../../src/derive/text/parse-date-line.js";
import { renderTextBlocksHtml } from "../../src/derive/text/render-text-blocks-html.js";
import { DEFAULT_TEXT_RULES, mergeRules } from "../../src/derive/text/rules.js";
import { splitCaptionCredit } from "../../src/derive/text/split-caption-credit.js";
import { splitUnits } from "../../src/derive/text/split-units.js";
import { stripSiteSuffix } from "../../src/derive/text/strip-site-suffix.js";

const rules = compileRules(DEFAULT_TEXT_RULES);
const dateOptions = { timeZone: "Europe/Warsaw", zones: rules.zones, numericDateOrder: null };

describe("findTextDate", () => {
  it.each([
    ["Tuesday, October 19, 2021", "2021-10-19T00:00:00+02:00"],
    ["19 October 2021", "2021-10-19T00:00:00+02:00"],
    ["Oct. 19, 2021 10:32 AM EDT", "2021-10-19T10:32:00-04:00"],
    ["2021-10-19", "2021-10-19T00:00:00+02:00"],
    ["Monday, 18th October 2021, 1:25 pm", "2021-10-18T13:25:00+02:00"],
    ["Tue 19 Oct 2021 10.32 BST", "2021-10-19T10:32:00+01:00"],
    ["Updated 3:45 PM GMT, October 19, 2021", "2021-10-19T15:45:00+00:00"],
    ["19.10.2021, 14:05", "2021-10-19T14:05:00+02:00"],
    ["19/10/2021", "2021-10-19T00:00:00+02:00"],
    ["10/19/2021", "2021-10-19T00:00:00+02:00"],
    ["2021-10-19T10:32:00+05:30", "2021-10-19T10:32:00+05:30"],
    ["2021-10-19 09:00 CEST", "2021-10-19T09:00:00+02:00"],
    ["October 19, 2021 at 12:05 a.m. PT", "2021-10-19T00:05:00-07:00"],
    ["19th of September, 2021", "2021-09-19T00:00:00+02:00"],
    ["Sept. 9, 2021", "2021-09-09T00:00:00+02:00"],
  ])("reads %s", (text, iso) => {
    expect(findTextDate(text, dateOptions)?.iso).toBe(iso);
  });

  it("refuses an ambiguous numeric date unless an order is configured", () => {
    expect(findTextDate("05/10/2021", dateOptions)).toBeNull();
    expect(findTextDate("05/10/2021", { ...dateOptions, numericDateOrder: "dmy" })).toMatchObject({
      iso: "2021-10-05T00:00:00+02:00",
      ambiguous: true,
    });
    expect(findTextDate("05/10/2021", { ...dateOptions, numericDateOrder: "mdy" })?.iso).toBe("2021-05-10T00:00:00+02:00");
  });

  it("refuses impossible dates and dates without a year", () => {
    expect(findTextDate("February 30, 2021", dateOptions)).toBeNull();
    expect(findTextDate("Oct 19", dateOptions)).toBeNull();
  });
});

describe("parseDateLine", () => {
  const parse = (text: string) => parseDateLine(text, rules, { timeZone: "UTC" });

  it("reads date bars, labels and bylines beside the date", () => {
    expect(parse("Published: 19 October 2021 | Updated: 20 October 2021 08:00")).toMatchObject({
      published: { iso: "2021-10-19T00:00:00+00:00" },
      updated: { iso: "2021-10-20T08:00:00+00:00" },
      labelled: true,
    });
    expect(parse("By Jane Doe | Oct. 19, 2021 10:32 AM EDT")).toMatchObject({
      author: "Jane Doe",
      published: { iso: "2021-10-19T10:32:00-04:00" },
    });
    expect(parse("Posted on October 19, 2021 by Jane Doe")).toMatchObject({ author: "Jane Doe", labelled: true });
    expect(parse("Last updated on 20 October 2021")).toMatchObject({ published: null, updated: { iso: "2021-10-20T00:00:00+00:00" } });
    expect(parse("19 October 2021 • 5 min read")?.published?.iso).toBe("2021-10-19T00:00:00+00:00");
    // a blog's user name after "by", and a country code after the time
    expect(parse("Posted on October 19, 2021 by admin")).toMatchObject({ author: "admin", published: { iso: "2021-10-19T00:00:00+00:00" } });
    expect(parse("Tuesday 19 October 2021 10:32, UK")?.published?.iso).toBe("2021-10-19T10:32:00+00:00");
  });

  it("ignores body sentences and headlines that mention a date", () => {
    expect(parse("On October 19, 2021, the minister resigned.")).toBeNull();
    expect(parse("Floods in the south: army deployed on 12 October 2021")).toBeNull();
    expect(parse("The summit ended on 19 October 2021")).toBeNull();
    expect(parse("He met us on October 19, 2021 in Warsaw")).toBeNull();
  });
});

describe("splitCaptionCredit", () => {
  const split = (text: string) => splitCaptionCredit(text, rules);

  it.each([
    ["Gen. Mark MilleyJIM LO SCALZO / EPA / PAP", "Gen. Mark Milley", "JIM LO SCALZO / EPA / PAP"],
    ["General Valery GerasimovMAXIM SHIPENKOV / EPA", "General Valery Gerasimov", "MAXIM SHIPENKOV / EPA"],
    ["JIM LO SCALZO / EPA / PAPGen. Mark Milley", "Gen. Mark Milley", "JIM LO SCALZO / EPA / PAP"],
    ["Protesters in Warsaw (Photo: Jan Nowak/Reuters)", "Protesters in Warsaw", "Jan Nowak/Reuters"],
    ["Protesters in Warsaw. Photo: Jane Doe/AFP", "Protesters in Warsaw.", "Jane Doe/AFP"],
    ["Crowds outside parliament. Photograph: Jane Doe/Getty Images", "Crowds outside parliament.", "Jane Doe/Getty Images"],
    ["The president arrives in Kyiv (AP Photo/Efrem Lukatsky)", "The president arrives in Kyiv", "AP Photo/Efrem Lukatsky"],
    ["The harbour at dawn – Anna Kowal/Reuters", "The harbour at dawn", "Anna Kowal/Reuters"],
    ["Smoke over the cityGetty Images", "Smoke over the city", "Getty Images"],
    ["Premier Mateusz MorawieckiFot. Paweł Supernak / PAP", "Premier Mateusz Morawiecki", "Paweł Supernak / PAP"],
    ["Demonstrators hold flags in Warsaw, Poland, October 19, 2021. REUTERS/Kacper Pempel", "Demonstrators hold flags in Warsaw, Poland, October 19, 2021.", "REUTERS/Kacper Pempel"],
    ["Firefighters at work near Athens. EPA-EFE/GEORGE VITSARAS", "Firefighters at work near Athens.", "EPA-EFE/GEORGE VITSARAS"],
    ["Warsaw, October 19, 2021.REUTERS/Kacper Pempel", "Warsaw, October 19, 2021.", "REUTERS/Kacper Pempel"],
    ["Caption text | Photo: Jan Nowak", "Caption text", "Jan Nowak"],
    ["Members of parliament vote in Warsaw. Fot. PAP/Radek Pietruszka", "Members of parliament vote in Warsaw.", "PAP/Radek Pietruszka"],
    ["The farmers' leader during the marchTOMASZ GZELL", "The farmers' leader during the march", "TOMASZ GZELL"],
    ["Ursula von der LeyenEPA/OLIVIER HOSLET", "Ursula von der Leyen", "EPA/OLIVIER HOSLET"],
    // NAME / SOURCE in capitals glued to a caption, the source not a known agency, letters beyond ASCII
    ["Capt. Marek Zając at the scene on Tuesday morningANNA WÓJCIK / GAZETTE", "Capt. Marek Zając at the scene on Tuesday morning", "ANNA WÓJCIK / GAZETTE"],
    ["The roof seen from Kolejowa StreetTOMASZ KRÓL / CITY NEWS / PAP", "The roof seen from Kolejowa Street", "TOMASZ KRÓL / CITY NEWS / PAP"],
  ])("splits %s", (text, caption, credit) => {
    expect(split(text)).toEqual({ caption, credit, main: false });
  });

  it.each([
    ["Main photo source: JIM LO SCALZO / EPA / PAP", "JIM LO SCALZO / EPA / PAP", true],
    ["Photo: Shutterstock", "Shutterstock", false],
    ["Photo by Jane Doe on Unsplash", "Jane Doe on Unsplash", false],
    ["Image credit: NASA/JPL-Caltech", "NASA/JPL-Caltech", false],
    ["(Photo by Kevin Dietsch / Getty Images)", "Kevin Dietsch / Getty Images", false],
    ["(Image: Kyiv City Council)", "Kyiv City Council", false],
    ["Fot. Jan Kowalski", "Jan Kowalski", false],
    ["Photo courtesy of the Warsaw Zoo", "the Warsaw Zoo", false],
    ["Source: REUTERS/Kacper Pempel", "REUTERS/Kacper Pempel", false],
    ["JIM LO SCALZO / EPA / PAP", "JIM LO SCALZO / EPA / PAP", false],
    ["ANNA WÓJCIK / GAZETTE", "ANNA WÓJCIK / GAZETTE", false],
  ])("reads the credit line %s", (text, credit, main) => {
    expect(split(text)).toEqual({ caption: null, credit, main });
  });

  it.each([
    "Source: the ministry said on Tuesday that talks would continue",
    "Photos of the flooded village spread quickly on social media, prompting a response from the mayor.",
    "McDonald's opened its first restaurant in Warsaw in 1992.",
    "He said the deal with the EU was a mistake.",
    "Afghanistan. Chiefs of General Staffs of the USA and Russia. Generals Mark Milley and Valery Gerasimov talked",
    "Al Qaeda and Islamic State threat warnings",
    "Reuters",
    "The minister said it was over. He left the room.",
    "Talks between Warsaw and Brussels resumed. Officials declined to comment on the timing.",
    "He spoke to CNN/ORC pollsters last week, according to people familiar with the matter.",
    "NEWS / WORLD / EUROPE",
    "Home / World / Europe",
  ])("leaves running text alone: %s", (text) => {
    expect(split(text)).toBeNull();
  });
});

describe("matchByline", () => {
  it.each([
    ["By Jane Doe", "Jane Doe"],
    ["By JANE DOE and JOHN ROE", "JANE DOE and JOHN ROE"],
    ["By Jane Doe, Political Correspondent", "Jane Doe"],
    ["Author: Ewa Malinowska", "Ewa Malinowska"],
    ["Words by Adam Wiśniewski", "Adam Wiśniewski"],
    ["By Ana de la Cruz in Madrid", "Ana de la Cruz"],
    ["By J.R. Smith", "J.R. Smith"],
    ["Reporting by Tomasz Nowicki; Editing by Jane Merriman", "Tomasz Nowicki"],
  ])("reads %s", (text, name) => {
    expect(matchByline(text, rules)).toBe(name);
  });

  it.each([
    "By the way, the council never voted on it.",
    "By Sunday, the river had risen by two metres.",
    "By contrast",
    "By far the largest protest since 1989 took place in the capital on Saturday afternoon, police said.",
  ])("is not fooled by %s", (text) => {
    expect(matchByline(text, rules)).toBeNull();
  });
});

describe("stripSiteSuffix", () => {
  const sites = new Set(["bbc news", "notes from poland"]);
  it("removes a known or site-like suffix", () => {
    expect(stripSiteSuffix("Ferry crossings cancelled as storm hits | BBC News", sites, new Set())).toBe("Ferry crossings cancelled as storm hits");
    expect(stripSiteSuffix("Sejm passes judiciary bill - Notes from Poland", sites, new Set())).toBe("Sejm passes judiciary bill");
    expect(stripSiteSuffix("Sejm passes judiciary bill | The Warsaw Voice", new Set(), new Set())).toBe("Sejm passes judiciary bill");
    expect(stripSiteSuffix("Sejm passes judiciary bill – example.com", new Set(), new Set())).toBe("Sejm passes judiciary bill");
    expect(stripSiteSuffix("Sejm passes judiciary bill - Warsaw Daily", new Set(), new Set(["warsaw daily"]))).toBe("Sejm passes judiciary bill");
  });

  it("keeps a dash that belongs to the headline", () => {
    expect(stripSiteSuffix("Biden - the man who would not quit", sites, new Set())).toBe("Biden - the man who would not quit");
    expect(stripSiteSuffix("Kyiv under fire - residents shelter in metro stations", sites, new Set())).toBe(
      "Kyiv under fire - residents shelter in metro stations",
    );
    expect(stripSiteSuffix("Warsaw - Berlin Rail Link Opens", sites, new Set())).toBe("Warsaw - Berlin Rail Link Opens");
  });
});

describe("splitUnits", () => {
  it("joins hard-wrapped lines and keeps blank-line paragraphs apart", () => {
    const units = splitUnits("Short headline here\nThe first line of a paragraph that was wrapped\nat sixty characters by an editor.\n\nNext one.");
    expect(units.map((unit) => unit.text)).toEqual([
      "Short headline here",
      "The first line of a paragraph that was wrapped at sixty characters by an editor.",
      "Next one.",
    ]);
    expect(units.map((unit) => unit.line)).toEqual([1, 2, 5]);
  });

  it("keeps a wrapped line that ends before a capitalised word that would not have fitted", () => {
    const units = splitUnits(
      "The council met on Tuesday to discuss the plan to close the bridge on\nMonday mornings, when the river is at its highest and traffic lightest.",
    );
    expect(units).toHaveLength(1);
  });

  it("ends a unit where the next line's first word would have fitted (a headline over its standfirst)", () => {
    const units = splitUnits("Parliament passes controversial media law\nOpposition vows to challenge the bill in the constitutional court");
    expect(units.map((unit) => unit.text)).toEqual([
      "Parliament passes controversial media law",
      "Opposition vows to challenge the bill in the constitutional court",
    ]);
  });

  it("keeps one-paragraph-per-line pages as separate units", () => {
    const long = "A".repeat(50) + " " + "b".repeat(80) + ".";
    expect(splitUnits(`${long}\n${long}`)).toHaveLength(2);
  });
});

describe("mergeRules", () => {
  it("appends a user's lists and merges zones, keeping the defaults", () => {
    const merged = mergeRules(DEFAULT_TEXT_RULES, {
      chrome: ["Wiadomości dnia"],
      agencies: ["Fotorzepa"],
      timeZoneAbbreviations: { cat: "+02:00" },
      numericDateOrder: "dmy",
    });
    expect(merged.chrome).toContain("Wiadomości dnia");
    expect(merged.chrome).toContain("must read");
    expect(merged.agencies).toContain("Fotorzepa");
    expect(merged.timeZoneAbbreviations.CAT).toBe("+02:00");
    expect(merged.timeZoneAbbreviations.EDT).toBe("-04:00");
    expect(merged.numericDateOrder).toBe("dmy");
    expect(mergeRules(DEFAULT_TEXT_RULES, undefined)).toBe(DEFAULT_TEXT_RULES);
  });

  it("lets a user's chrome, agency and credit label take effect", () => {
    const text = "Wiadomości dnia\n\nFerry crossings cancelled as storm hits the coast\n\nCrossings were cancelled on Tuesday after strong winds hit the coast overnight.\n\nThe harbour wall – Barbara Nowak/Fotorzepa\n\nZdjęcie tygodnia: KRZYSZTOF KOWAL\n";
    const merged = mergeRules(DEFAULT_TEXT_RULES, {
      chrome: ["Wiadomości dnia"],
      agencies: ["Fotorzepa"],
      creditLabels: ["zdjęcie tygodnia"],
    });
    const derived = deriveFromText(text, { fileName: "x.txt", timeZone: "UTC", summaryLength: 300, rules: merged });
    expect(derived.title).toBe("Ferry crossings cancelled as storm hits the coast");
    expect(derived.imageCredits).toEqual([
      { caption: "The harbour wall", credit: "Barbara Nowak/Fotorzepa" },
      { caption: null, credit: "KRZYSZTOF KOWAL" },
    ]);
    const plain = deriveFromText(text, { fileName: "x.txt", timeZone: "UTC", summaryLength: 300 });
    expect(plain.imageCredits).toEqual([]);
  });

  it("skips a user's invalid pattern instead of failing", () => {
    const merged = mergeRules(DEFAULT_TEXT_RULES, { chromePatterns: ["(unclosed"] });
    expect(() => deriveFromText("Hello there world\n\nSome text here that is a sentence of words.", {
      fileName: "x.txt", timeZone: "UTC", summaryLength: 300, rules: merged,
    })).not.toThrow();
  });
});

describe("deriveFromText details", () => {
  const derive = (text: string, siteNames?: string[]) =>
    deriveFromText(text, { fileName: "x.txt", timeZone: "UTC", summaryLength: 300, ...(siteNames ? { siteNames } : {}) });

  it("never takes the configured site name, a kicker or the date bar as the title", () => {
    const derived = derive(
      "Warsaw Daily Herald\n\nEXCLUSIVE\n\n19 October 2021\n\nCity buys forty electric buses from a local maker\n\nThe city has signed a contract for forty electric buses, the mayor announced on Tuesday morning.\n",
      ["Warsaw Daily Herald"],
    );
    expect(derived.title).toBe("City buys forty electric buses from a local maker");
    expect(derived.published).toBe("2021-10-19T00:00:00+00:00");
  });

  it("strips a site suffix from the headline line", () => {
    const derived = derive("City buys forty electric buses | Warsaw Daily\n\nThe city has signed a contract for forty electric buses, the mayor announced on Tuesday morning.\n");
    expect(derived.title).toBe("City buys forty electric buses");
  });

  it("skips an editor's note when choosing the lead", () => {
    const derived = derive("Bridge reopens after two years\n\nEditor's note: This story has been updated with comments from the mayor.\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.\n");
    expect(derived.lead).toBe("The Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.");
  });

  it("ignores a date inside a caption", () => {
    const derived = derive("Bridge reopens after two years\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs, the city said.\n\nCars on the bridge on October 12, 2021. Photo: Jan Nowak/Reuters\n");
    expect(derived.published).toBeNull();
    expect(derived.imageCredits).toEqual([{ caption: "Cars on the bridge on October 12, 2021.", credit: "Jan Nowak/Reuters" }]);
  });

  it("pairs a caption line with a credit line below it", () => {
    const derived = derive("Bridge reopens after two years\n\nThe Poniatowski bridge reopened to traffic on Tuesday after two years of repairs, the city said.\n\nCars on the bridge at dawn\nPhoto: Jan Nowak/Reuters\n\nMore text follows here in a sentence of its own, as it should.\n");
    expect(derived.imageCredits).toEqual([{ caption: "Cars on the bridge at dawn", credit: "Jan Nowak/Reuters" }]);
    expect(derived.blocks.map((block) => block.type)).toEqual(["paragraph", "figure", "paragraph"]);
  });

  it("returns nulls and a warning for empty text", () => {
    const derived = derive("");
    expect(derived).toMatchObject({ title: null, lead: null, summary: null, published: null, blocks: [], imageCredits: [] });
    expect(derived.warnings).toHaveLength(1);
  });
});

describe("renderTextBlocksHtml", () => {
  it("escapes text and renders figures with credits", () => {
    expect(
      renderTextBlocksHtml([
        { type: "heading", text: "Q&A <live>" },
        { type: "paragraph", text: 'He said "no".' },
        { type: "figure", caption: "A & B", credit: "X / EPA" },
        { type: "figure", caption: null, credit: "Y" },
      ]),
    ).toBe(
      '<h2>Q&amp;A &lt;live&gt;</h2>\n<p>He said &quot;no&quot;.</p>\n<figure><figcaption>A &amp; B <small class="credit">X / EPA</small></figcaption></figure>\n<figure><figcaption><small class="credit">Y</small></figcaption></figure>',
    );
  });
});

describe("deriveFromText properties", () => {
  const lineArbitrary = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom(
      "Must read", "- Advertisement -", "Tuesday, October 19, 2021", "17.2 C", "By Jane Doe", "Photo: X/Reuters",
      "Gen. Mark MilleyJIM LO SCALZO / EPA / PAP", "Main photo source: EPA", "", "Related", "Home > News",
      "A headline about something important", "The first sentence of a paragraph ends here. Another one follows.",
    ),
  );
  const textArbitrary = fc.oneof(fc.string({ maxLength: 400 }), fc.array(lineArbitrary, { maxLength: 25 }).map((lines) => lines.join("\n")));

  it("never throws, keeps titles on one line, summaries within length and credits non-empty", () => {
    fc.assert(
      fc.property(textArbitrary, fc.integer({ min: 40, max: 400 }), (text, summaryLength) => {
        const derived = deriveFromText(text, { fileName: "p.txt", timeZone: "Europe/Warsaw", summaryLength });
        if (derived.title !== null) {
          expect(derived.title).not.toMatch(/[\r\n]/u);
          expect(derived.title.trim()).not.toBe("");
        }
        if (derived.summary !== null) expect(derived.summary.length).toBeLessThanOrEqual(summaryLength);
        for (const credit of derived.imageCredits) {
          expect(credit.credit.trim()).not.toBe("");
          if (credit.caption !== null) expect(credit.caption.trim()).not.toBe("");
        }
        if (derived.mainImageCredit !== null) expect(derived.mainImageCredit.trim()).not.toBe("");
        for (const iso of [derived.published, derived.updated]) {
          if (iso !== null) expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)$/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});
