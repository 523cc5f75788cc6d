import { describe, expect, it } from "vitest";
import { deriveFromText } from "../../src/derive/text/derive-from-text.js";
import type { DerivedText } from "../../src/derive/text/types.js";

const HEADLINE = "Bridge reopens after two years of repairs in Warsaw";
const LEAD = "The Poniatowski bridge reopened to traffic on Tuesday after two years of repairs.";

const derive = (text: string) => deriveFromText(text, { fileName: "x.txt", timeZone: "Europe/Warsaw", summaryLength: 300 });

type Check = Partial<Pick<DerivedText, "title" | "published" | "updated" | "author" | "lead" | "imageCredits" | "mainImageCredit">> & {
  blocks?: string;
};

const cases: Array<[string, string, Check]> = [
  [
    "a date under the headline wins over today's date bar above it",
    `Wednesday, November 24, 2021\n\nPolish parliament passes budget for next year\n\nOctober 19, 2021 | 10:32am\n\n${LEAD}\n`,
    { title: "Polish parliament passes budget for next year", published: "2021-10-19T10:32:00+02:00" },
  ],
  ["a name beside the date", `${HEADLINE}\n\nJane Doe · Oct 19, 2021\n\n${LEAD}\n`, { author: "Jane Doe", published: "2021-10-19T00:00:00+02:00" }],
  ["a section label beside the date", `${HEADLINE}\n\nPolitics | 19 October 2021\n\n${LEAD}\n`, { author: null, published: "2021-10-19T00:00:00+02:00" }],
  [
    "a byline and a labelled date on one line",
    `${HEADLINE}\n\nBy Jane Doe, Warsaw Correspondent | Published 19 October 2021, 08:00 CET\n\n${LEAD}\n`,
    { author: "Jane Doe", published: "2021-10-19T08:00:00+01:00", blocks: "p" },
  ],
  ["the time before the date", `${HEADLINE}\n\n08:15, 19 October 2021\n\n${LEAD}\n`, { published: "2021-10-19T08:15:00+02:00" }],
  [
    "a key points list above the article is kept but is not the lead",
    `${HEADLINE}\n\nKey points:\n- The bridge was closed in 2019 after cracks were found in the supports.\n- Repairs cost 120 million zloty.\n\n${LEAD}\n`,
    { lead: LEAD, blocks: "ppp" },
  ],
  [
    "Markdown marks left by a scraper",
    `# ${HEADLINE}\n\n_19 October 2021_\n\n**By Jane Doe**\n\n${LEAD}\n`,
    { title: HEADLINE, published: "2021-10-19T00:00:00+02:00", author: "Jane Doe" },
  ],
  [
    "a copyright-style credit under a caption, and a copyright footer",
    `${HEADLINE}\n\n${LEAD}\n\nCars cross the bridge at dawn\n© Reuters\n\n© 2021 Warsaw Daily. All rights reserved.\n`,
    { imageCredits: [{ caption: "Cars cross the bridge at dawn", credit: "Reuters" }], blocks: "pf" },
  ],
  [
    "a credit line above the headline is the main photo's",
    `Photo: Jan Nowak / PAP\n\n${HEADLINE}\n\n19 October 2021\n\n${LEAD}\n`,
    { title: HEADLINE, mainImageCredit: "Jan Nowak / PAP", imageCredits: [{ caption: null, credit: "Jan Nowak / PAP" }] },
  ],
  ["a dash inside the headline stays", `Kyiv under fire - residents shelter in metro stations\n\nMarch 2, 2022\n\n${LEAD}\n`, { title: "Kyiv under fire - residents shelter in metro stations" }],
  ["an all-caps headline", `POLAND AND LITHUANIA SIGN GAS PIPELINE DEAL\n\n19/10/2021\n\n${LEAD}\n`, { title: "POLAND AND LITHUANIA SIGN GAS PIPELINE DEAL", published: "2021-10-19T00:00:00+02:00" }],
  [
    "menu lines of two or three words above the headline",
    `World\nMiddle East\nClimate Crisis\nBusiness News\n\n${HEADLINE}\n\n${LEAD}\n`,
    { title: HEADLINE, blocks: "p" },
  ],
  [
    "a site name above the headline",
    `The Warsaw Business Journal\n\n${HEADLINE}\n\n${LEAD}\n`,
    { title: HEADLINE },
  ],
  [
    "a byline with several authors",
    `${HEADLINE}\n\nBy Jane Doe, John Roe and Ann Poe, Reuters\n\n${LEAD}\n`,
    { author: "Jane Doe, John Roe and Ann Poe" },
  ],
  [
    "a comments section with dates after the article",
    `${HEADLINE}\n\n19 October 2021\n\n${LEAD}\n\nComments\nMarek says:\nOctober 20, 2021 at 10:32 am\nFinally!\n`,
    { published: "2021-10-19T00:00:00+02:00", blocks: "p" },
  ],
  [
    "a caption and its credit on two lines below a paragraph",
    `${HEADLINE}\n\n${LEAD}\n\nThe bridge at night\nPhoto: Jan Nowak/Reuters\n`,
    { imageCredits: [{ caption: "The bridge at night", credit: "Jan Nowak/Reuters" }], blocks: "pf" },
  ],
  [
    "an ISO date-time with an offset",
    `${HEADLINE}\n\n2021-10-19T10:32:00+05:30\n\n${LEAD}\n`,
    { published: "2021-10-19T10:32:00+05:30" },
  ],
  [
    "the headline printed twice, once with the site name",
    `Poland wins gold in Tokyo | Daily Sport\n\nMenu\n\nPoland wins gold in Tokyo\n\nOctober 19, 2021\n\n${LEAD}\n`,
    { title: "Poland wins gold in Tokyo", published: "2021-10-19T00:00:00+02:00", blocks: "p" },
  ],
  [
    "a trending list above the headline",
    `Trending\nStorm batters Cornwall coast overnight\nPrices rise again in October\n\n${HEADLINE}\n\n19 October 2021\n\n${LEAD}\n`,
    { title: HEADLINE, published: "2021-10-19T00:00:00+02:00", blocks: "p" },
  ],
  [
    "a short first paragraph followed by running text is the lead",
    `${HEADLINE}\n\n19 October 2021\n\nIt was a long night in Warsaw.\n\n${LEAD}\n`,
    { lead: "It was a long night in Warsaw." },
  ],
  [
    "a WordPress news theme's header and footer",
    `Home » World\n\n${HEADLINE}\n\nby admin\nOctober 19, 2021\nin World\n0\nShare on Facebook\nShare on Twitter\n\n${LEAD}\n\nThe works cost 120 million zloty, the city said.\n\n0\n\nRelated Posts\n\nTram line to the airport approved by the council\n\nOctober 12, 2021\n\nNext Post\n\nDiscussion about this post\n\n© 2021 World Today News\n`,
    { title: HEADLINE, published: "2021-10-19T00:00:00+02:00", author: null, lead: LEAD, blocks: "pp" },
  ],
  [
    "only an Updated line",
    `${HEADLINE}\n\nLast updated: 20 October 2021 at 09:00 BST\n\n${LEAD}\n`,
    { published: null, updated: "2021-10-20T09:00:00+01:00" },
  ],
];

describe("deriveFromText edge cases", () => {
  it.each(cases)("%s", (_name, text, check) => {
    const derived = derive(text);
    const { blocks, ...fields } = check;
    expect(derived).toMatchObject(fields);
    if (blocks !== undefined) expect(derived.blocks.map((block) => block.type[0]).join("")).toBe(blocks);
  });
});

describe("bylines that name a role", () => {
  it.each(["By Staff Reporter", "By News Desk", "By admin"])("%s gives no author", (byline) => {
    expect(derive(`${HEADLINE}\n\n${byline}\n\n${LEAD}\n`).author).toBeNull();
  });
});
