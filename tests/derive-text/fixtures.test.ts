import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ImageCredit } from "../../src/article.js";
import { deriveFromText } from "../../src/derive/text/derive-from-text.js";
import type { TextBlock } from "../../src/derive/text/types.js";
import { decodeText } from "../../src/read/decode.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "raw-text");

interface Expected {
  file: string;
  timeZone: string;
  title: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  /** The whole lead paragraph. */
  lead: string | null;
  imageCredits: ImageCredit[];
  mainImageCredit: string | null;
  headings: string[];
  /** Block types in order: p paragraph, h heading, f figure. */
  blockTypes: string;
  /** Texts that must not appear anywhere in the body blocks (chrome, related links, header lines). */
  notInBody: string[];
  warnings: RegExp[];
}

const cases: Expected[] = [
  {
    // Saved one page element per line: a caption label alone on its line, its caption on the next.
    file: "one-element-per-line.txt",
    timeZone: "UTC",
    title: "Heatwave: Spain records hottest April day as temperatures hit 38C",
    published: "2023-04-28T00:00:00+00:00",
    updated: null,
    author: "Laura Martínez",
    lead: "Spain has recorded its hottest April day on record, with temperatures reaching 38.8C at Córdoba airport, the state weather agency said.",
    imageCredits: [{ caption: "People cooled off in fountains in Seville on Friday", credit: "Getty Images" }],
    mainImageCredit: "Getty Images",
    headings: [],
    blockTypes: "fppp",
    notInBody: ["Skip to main content", "Menu", "BBC News, Madrid", "Published", "Image caption,", "Related Topics", "Climate change", "12 August 2022"],
    warnings: [],
  },
  {
    // A headline and its standfirst on consecutive lines: the break is not a wrap, since the
    // standfirst's first word would have fitted on the headline's line.
    file: "headline-with-standfirst.txt",
    timeZone: "UTC",
    title: "Parliament passes controversial media law",
    published: "2021-10-19T10:32:00-04:00",
    updated: null,
    author: null,
    lead: "Opposition vows to challenge the bill in the constitutional court",
    imageCredits: [{ caption: "Protesters gather outside parliament in Warsaw, Poland, Tuesday, Oct. 19, 2021.", credit: "AP Photo/Czarek Sokolowski" }],
    mainImageCredit: "AP Photo/Czarek Sokolowski",
    headings: [],
    blockTypes: "pppfp",
    notInBody: ["Home » Politics", "Oct. 19, 2021 10:32 AM EDT", "Copyright 2021"],
    warnings: [],
  },
  {
    file: "bbc-like.txt",
    timeZone: "Europe/London",
    title: "Ferry operators cancel crossings as Storm Idris reaches the Channel",
    published: "2021-10-19T00:00:00+01:00",
    updated: null,
    author: "Harriet Lowe",
    lead: "Ferry operators have cancelled dozens of crossings between Dover and Calais after winds of up to 80mph hit the south coast overnight.",
    imageCredits: [{ caption: "Waves broke over the harbour wall at Dover on Tuesday morning", credit: "Getty Images" }],
    mainImageCredit: "Getty Images",
    headings: ["What happens next?"],
    blockTypes: "fppphp",
    notInBody: ["Skip to content", "BBC News", "Transport correspondent", "Share", "Related Topics", "Storm batters Cornwall coast", "18 October 2021", "UK weather"],
    warnings: [],
  },
  {
    file: "reuters-like.txt",
    timeZone: "Europe/Warsaw",
    title: "Central bank holds rates, signals cuts may come in spring",
    published: "2021-10-19T10:32:00-04:00",
    updated: null,
    author: "Tomasz Nowicki and Anna Berg",
    lead: "WARSAW, Oct 19 (Reuters) - Poland's central bank kept its main interest rate unchanged on Tuesday, as expected, but Governor Adam Glapinski said the council could consider easing policy in the spring if inflation continued to slow.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "ppp",
    notInBody: ["Markets", "Updated 3 hours ago", "Reporting by", "Our Standards"],
    warnings: [],
  },
  {
    file: "ap-like.txt",
    timeZone: "America/New_York",
    title: "Senate passes stopgap bill to avert government shutdown",
    published: "2021-10-19T10:32:00-04:00",
    updated: null,
    author: "MARY CLARKE and DEVON HALL",
    lead: "WASHINGTON (AP) — The Senate on Tuesday passed a short-term spending bill that would keep the government funded through early December, sending the measure to the House with less than two days to spare.",
    imageCredits: [
      {
        caption: "Senate Majority Leader Dan Morrow speaks to reporters at the Capitol in Washington, Tuesday, Oct. 12, 2021.",
        credit: "AP Photo/J. Scott Applewhite",
      },
    ],
    mainImageCredit: "AP Photo/J. Scott Applewhite",
    headings: [],
    blockTypes: "ppfp",
    notInBody: ["Copy link", "Copyright", "MARY CLARKE"],
    warnings: [],
  },
  {
    file: "guardian-like.txt",
    timeZone: "Europe/London",
    title: "Polish farmers block border crossings in protest over grain imports",
    published: "2021-10-19T10:32:00+01:00",
    updated: null,
    author: "Joanna Kowalczyk",
    lead: "Protesters say cheap Ukrainian grain is driving down prices, as the government promises talks this week",
    imageCredits: [
      { caption: "Farmers block a road leading to the Dorohusk crossing on Tuesday.", credit: "Wojtek Radwanski/AFP/Getty Images" },
    ],
    mainImageCredit: "Wojtek Radwanski/AFP/Getty Images",
    headings: [],
    blockTypes: "pfpp",
    notInBody: ["Back to home", "World news", "Joanna Kowalczyk", "Explore more", "Farming", "Reuse this content"],
    warnings: [],
  },
  {
    file: "polish-site-translation.txt",
    timeZone: "Europe/Warsaw",
    title:
      "Poland. The Sejm passed an amendment on judicial appointments. The opposition announces an appeal to the Constitutional Tribunal",
    published: "2021-10-18T13:25:00+02:00",
    updated: null,
    author: null,
    lead: "Members of the Sejm on Monday adopted an amendment to the law on the National Council of the Judiciary, which changes the way judges are nominated. 231 deputies voted in favour, 220 against and 3 abstained.",
    imageCredits: [
      { caption: "Marshal of the Sejm Elżbieta Witek", credit: "RADEK PIETRUSZKA / PAP" },
      { caption: "Opposition deputies in the Sejm chamber", credit: "LESZEK SZYMAŃSKI / PAP" },
    ],
    mainImageCredit: "RADEK PIETRUSZKA / PAP",
    headings: ["Reaction in Brussels"],
    blockTypes: "ppfpfhpf",
    notInBody: ["12°C", "Must read", "Advertisement", "Source link", "More articles", "Latest article", "Monday, 18th"],
    warnings: [],
  },
  {
    file: "blog-posted-on.txt",
    timeZone: "UTC",
    title: "Three days in Kraków on a budget",
    published: "2021-10-19T00:00:00+00:00",
    updated: null,
    author: "Kasia Nowak",
    lead: "Kraków is one of the cheapest city-break destinations in Europe, and you can see most of the old town on foot in a single afternoon.",
    imageCredits: [{ caption: null, credit: "Jakub Kowal on Unsplash" }],
    mainImageCredit: "Jakub Kowal on Unsplash",
    headings: ["Day one: the Old Town"],
    blockTypes: "pphpf",
    notInBody: ["Menu", "Search", "Home > Blog", "Posted on", "Tags:", "Leave a comment"],
    warnings: [],
  },
  {
    file: "cookie-banner.txt",
    timeZone: "Europe/Warsaw",
    title: "City council approves new tram line to the airport",
    published: "2021-10-19T08:15:00+02:00",
    updated: null,
    author: "Piotr Zieliński",
    lead: "The city council voted 31 to 4 on Tuesday to build a tram line linking the central station with the airport, ending a decade of debate over the route.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "pp",
    notInBody: ["cookies", "Cookie settings", "Published:", "Follow us"],
    warnings: [],
  },
  {
    file: "updated-line.txt",
    timeZone: "UTC",
    title: "Researchers map Baltic seabed with autonomous drones",
    published: "2021-10-19T09:00:00+02:00",
    updated: "2021-10-20T14:30:00+02:00",
    author: "Marta Lis",
    lead: "A team from the University of Gdańsk has completed the most detailed map yet of the seabed off the Hel peninsula, using a fleet of autonomous underwater drones.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "pp",
    notInBody: ["Home / News", "Reading time", "Print", "Science Editor"],
    warnings: [],
  },
  {
    file: "several-photos.txt",
    timeZone: "Europe/Athens",
    title: "Wildfires force evacuations across southern Greece",
    published: "2021-10-19T00:00:00+03:00",
    updated: null,
    author: "Nikos Papadakis",
    lead: "Thousands of residents were evacuated from villages north of Athens on Tuesday as wildfires fanned by strong winds burned for a third day.",
    imageCredits: [
      { caption: "Firefighters battle a blaze near the village of Kalamos.", credit: "Yannis Kolesidis/Reuters" },
      { caption: "A resident watches the fire from a hilltop in Varnava, north of Athens", credit: "AP Photo/Petros Giannakouris" },
      { caption: "Smoke over the Saronic Gulf as seen from Piraeus.", credit: "Louisa Gouliamaki / AFP" },
    ],
    mainImageCredit: "Yannis Kolesidis/Reuters",
    headings: [],
    blockTypes: "fppfpfp",
    notInBody: ["(Photo:", "Photo: Louisa", "By Nikos", "(AP Photo"],
    warnings: [],
  },
  {
    file: "2021-10-19-no-date-line.txt",
    timeZone: "Europe/Warsaw",
    title: "New cranes arrive at Gdynia container terminal",
    published: null,
    updated: null,
    author: null,
    lead: "Two ship-to-shore cranes, the largest ever installed in a Polish port, were unloaded at the Baltic Container Terminal on Monday.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "ppp",
    notInBody: [],
    warnings: [],
  },
  {
    file: "date-label-other-form.txt",
    timeZone: "Europe/Warsaw",
    title: "Heatwave warning issued for southern provinces",
    published: "2021-10-19T14:05:00+02:00",
    updated: null,
    author: "Ewa Malinowska",
    lead: "Meteorologists have issued a second-degree heat warning for four provinces in the south of the country, with temperatures expected to exceed 34 degrees.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "pp",
    notInBody: ["Read more", "Floods in the south", "12.10.2021", "Author:"],
    warnings: [],
  },
  {
    file: "credits-in-parentheses.txt",
    timeZone: "Europe/Kyiv",
    title: "Kyiv metro reopens three stations after repairs",
    published: "2021-10-19T00:00:00+03:00",
    updated: null,
    author: null,
    lead: "Three stations on the Kyiv metro's red line reopened on Tuesday after a four-month renovation, the city's transport department said.",
    imageCredits: [
      { caption: null, credit: "Oleksii Petrenko / Getty Images" },
      { caption: "The renovated Arsenalna station on Tuesday", credit: "Kyiv City Council" },
    ],
    mainImageCredit: "Oleksii Petrenko / Getty Images",
    headings: [],
    blockTypes: "fppfp",
    notInBody: ["Tuesday, October 19, 2021", "(Image:"],
    warnings: [],
  },
  {
    file: "no-headline.txt",
    timeZone: "UTC",
    title: null,
    published: null,
    updated: null,
    author: null,
    lead: "The regional assembly met on Tuesday to discuss the budget for next year, but adjourned after two hours without a vote because too few members were present.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "pp",
    notInBody: [],
    warnings: [/no headline found/],
  },
  {
    file: "magazine-words-by.txt",
    timeZone: "Europe/Warsaw",
    title: "The last lighthouse keepers of the Hel peninsula",
    published: "2021-10-20T00:00:00+02:00",
    updated: null,
    author: "Adam Wiśniewski",
    lead: "When the automated beacon at Jastarnia failed during a storm in 1998, it was a retired keeper who climbed the tower and lit a lamp by hand.",
    imageCredits: [{ caption: null, credit: "Ola Kruk" }],
    mainImageCredit: "Ola Kruk",
    headings: [],
    blockTypes: "fpppp",
    notInBody: ["Long read", "Words by", "Published 20 October"],
    warnings: [],
  },
  {
    file: "crlf-windows-1252.txt",
    timeZone: "Europe/Paris",
    title: "Café owners in Lyon protest €2 tax on takeaway cups",
    published: "2021-10-19T00:00:00+02:00",
    updated: null,
    author: "Amélie Durand",
    lead: "Café owners in Lyon staged a “coffee strike” on Tuesday, refusing to serve drinks in disposable cups for an hour to protest against a new €2 municipal tax.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "pp",
    notInBody: ["By Amélie", "19 October 2021"],
    warnings: [],
  },
  {
    file: "cnn-like.txt",
    timeZone: "Europe/Amsterdam",
    title: "Dutch court orders early closure of Groningen gas field after earthquakes",
    published: null,
    updated: "2021-10-19T10:32:00-04:00",
    author: "Pieter de Vries and Sarah Okafor",
    lead: "Amsterdam (CNN) — A Dutch court on Tuesday ordered the government to speed up the closure of the Groningen gas field, saying years of small earthquakes caused by extraction had damaged thousands of homes.",
    imageCredits: [],
    mainImageCredit: null,
    headings: [],
    blockTypes: "pppp",
    notInBody: ["Live TV", "Middle East", "Climate Crisis", "Related article", "Netherlands to close gas field early", "Updated"],
    warnings: [],
  },
  {
    file: "medium-like.txt",
    timeZone: "UTC",
    title: "How we cut our cloud bill by 40 percent without rewriting anything",
    published: "2021-10-19T00:00:00+00:00",
    updated: null,
    author: "Jane Kowalska",
    lead: "Last spring our monthly cloud bill passed the cost of our office rent, and nobody on the team could say exactly why.",
    imageCredits: [],
    mainImageCredit: null,
    headings: ["What we measured first"],
    blockTypes: "pphp",
    notInBody: ["Sign in", "Follow", "min read", "Listen", "Share", "Jane Kowalska"],
    warnings: [],
  },
  {
    file: "nyt-like.txt",
    timeZone: "Europe/Brussels",
    title: "Poland’s Ruling Party Pushes Judicial Overhaul Despite E.U. Fines",
    published: "2021-10-19T10:32:00-04:00",
    updated: null,
    author: "Monika Pronczuk and Marc Santora",
    lead: "The government said it would not back down, setting up another clash with Brussels over the rule of law.",
    imageCredits: [{ caption: "A rally in support of the courts in Warsaw on Sunday.", credit: "Kacper Pempel/Reuters" }],
    mainImageCredit: "Kacper Pempel/Reuters",
    headings: [],
    blockTypes: "pfpp",
    notInBody: ["Advertisement", "ADVERTISEMENT", "Share full article", "Credit...", "By Monika"],
    warnings: [],
  },
  {
    file: "newspaper-theme-variant.txt",
    timeZone: "Europe/Warsaw",
    title: "Poland. Farmers protest in Warsaw. They demand compensation for the African swine fever losses",
    published: "2021-11-05T00:00:00+01:00",
    updated: null,
    author: null,
    lead: "Several thousand farmers from all over the country marched through the centre of Warsaw on Friday, demanding compensation for losses caused by African swine fever and higher purchase prices for grain.",
    imageCredits: [
      { caption: "Protesting farmers in front of the ministry", credit: "PAP/Radek Pietruszka" },
      { caption: "The farmers' leader during the march", credit: "TOMASZ GZELL" },
      { caption: null, credit: "Shutterstock" },
    ],
    mainImageCredit: "PAP/Radek Pietruszka",
    headings: ["What the farmers want"],
    blockTypes: "ppfpfhpf",
    notInBody: ["-3.5 C", "Must read", "Facebook", "WhatsApp", "Advertisement", "tvn24.pl", "Source link", "Previous article", "The Sejm will vote", "Storm in the Tatra", "Latest article"],
    warnings: [],
  },
];

function blockText(block: TextBlock): string {
  return block.type === "figure" ? `${block.caption ?? ""} ${block.credit ?? ""}` : block.text;
}

describe("deriveFromText on invented articles in the styles of many sites", () => {
  it.each(cases)("$file", (expected) => {
    const bytes = readFileSync(join(fixtures, expected.file));
    const derived = deriveFromText(decodeText(bytes).text, {
      fileName: expected.file,
      timeZone: expected.timeZone,
      summaryLength: 300,
    });
    expect(derived.title).toBe(expected.title);
    expect(derived.published).toBe(expected.published);
    expect(derived.updated).toBe(expected.updated);
    expect(derived.author).toBe(expected.author);
    expect(derived.lead).toBe(expected.lead);
    expect(derived.summary).toBe(expected.lead === null ? null : expected.lead.length <= 300 ? expected.lead : derived.summary);
    expect(derived.imageCredits).toEqual(expected.imageCredits);
    expect(derived.mainImageCredit).toBe(expected.mainImageCredit);
    expect(derived.blocks.filter((block) => block.type === "heading").map(blockText)).toEqual(expected.headings);
    expect(derived.blocks.map((block) => block.type[0]).join("")).toBe(expected.blockTypes);
    const body = derived.blocks.map(blockText).join("\n");
    for (const text of expected.notInBody) expect(body).not.toContain(text);
    if (expected.title) expect(body).not.toContain(expected.title);
    expect(derived.warnings).toHaveLength(expected.warnings.length);
    expected.warnings.forEach((pattern, index) => expect(derived.warnings[index]).toMatch(pattern));
  });

  it("cuts a long lead for the summary at a sentence end", () => {
    const text = readFileSync(join(fixtures, "reuters-like.txt"), "utf8");
    const derived = deriveFromText(text, { fileName: "r.txt", timeZone: "UTC", summaryLength: 120 });
    expect(derived.lead?.length).toBeGreaterThan(120);
    expect(derived.summary!.length).toBeLessThanOrEqual(120);
    expect(derived.lead!.startsWith(derived.summary!.replace(/…$/u, ""))).toBe(true);
  });

  it("reports the source lines of what it found", () => {
    const text = readFileSync(join(fixtures, "updated-line.txt"), "utf8");
    const derived = deriveFromText(text, { fileName: "u.txt", timeZone: "UTC", summaryLength: 300 });
    expect(derived.lines).toEqual({ title: 3, published: 5, updated: 5, author: 7 });
  });
});
