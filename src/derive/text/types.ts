import type { ImageCredit } from "../../article.js";
import type { TextRules } from "./rules.js";

/** One block of an article body derived from raw text. */
export type TextBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string }
  | { type: "figure"; caption: string | null; credit: string | null };

/** Options for deriveFromText. */
export interface DeriveTextOptions {
  /** The source file's name, used in warnings and for a year missing from a dateline. */
  fileName: string;
  /** IANA zone (or fixed offset) for dates written without one. */
  timeZone: string;
  /** Maximum summary length in characters. */
  summaryLength: number;
  /** Rules to use instead of the defaults (already merged with the user's extensions). */
  rules?: TextRules;
  /** Extra site names (e.g. the configured site title) never taken as the headline. */
  siteNames?: string[];
}

/** Everything deriveFromText finds in a raw text article. */
export interface DerivedText {
  title: string | null;
  /** ISO 8601 with offset. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** The full lead paragraph, plain text, before any cut. */
  lead: string | null;
  /** The lead cut to `summaryLength` at a sentence boundary. */
  summary: string | null;
  /** Every caption/credit pair, each once, in order of appearance (plus the main credit if alone). */
  imageCredits: ImageCredit[];
  mainImageCredit: string | null;
  blocks: TextBlock[];
  warnings: string[];
  /** 1-based source lines where each field was found, for messages. */
  lines: { title?: number; published?: number; updated?: number; author?: number };
}

/** A unit of text: one line, or hard-wrapped lines joined, with where it starts. */
export interface TextUnit {
  text: string;
  /** 1-based line of the unit's first line. */
  line: number;
  /** Index of the blank-line-separated chunk the unit came from. */
  chunk: number;
}
