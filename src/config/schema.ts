import { z } from "zod";

/**
 * The site configuration: what `feedwright.config.json` (or `.yaml`) may hold.
 * Unknown keys are errors, so a typo never silently does nothing.
 */

const timeZone = z.string().refine(
  (zone) => {
    // UTC is always known; asking Intl loads the zone data, a twentieth of a no-change run.
    if (zone === "UTC") return true;
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone name such as \"Europe/Warsaw\" or \"UTC\"" },
);

const absoluteHttpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  },
  { message: "must be an absolute http(s) URL such as \"https://example.org/\"" },
);

export const personSchema = z.strictObject({
  name: z.string().min(1),
  email: z.string().optional(),
  url: z.string().optional(),
});

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "iu");
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a valid regular expression (JavaScript syntax, matched case-insensitively)" },
);

/**
 * Extensions to the raw-text rules (src/derive/text/rules.ts): each list is appended to the
 * built-in one, so a site's own chrome lines, agencies or labels need no code change.
 */
export const textRulesSchema = z.strictObject({
  chrome: z.array(z.string()).optional(),
  chromePatterns: z.array(regexSource).optional(),
  weatherPatterns: z.array(regexSource).optional(),
  relatedStarters: z.array(z.string()).optional(),
  agencies: z.array(z.string().min(1)).optional(),
  creditLabels: z.array(z.string().min(1)).optional(),
  mainCreditLabels: z.array(z.string().min(1)).optional(),
  captionLabels: z.array(z.string().min(1)).optional(),
  bylineLabels: z.array(z.string().min(1)).optional(),
  publishedLabels: z.array(z.string().min(1)).optional(),
  updatedLabels: z.array(z.string().min(1)).optional(),
  editorNotePatterns: z.array(regexSource).optional(),
  siteNames: z.array(z.string().min(1)).optional(),
  timeZoneAbbreviations: z
    .record(
      z.string().regex(/^[A-Za-z]{1,6}$/, "must be a zone abbreviation such as \"CEST\""),
      z.string().refine(
        (zone) => {
          if (/^[+-]\d{2}:\d{2}$/.test(zone)) return true;
          try {
            new Intl.DateTimeFormat("en-US", { timeZone: zone });
            return true;
          } catch {
            return false;
          }
        },
        { message: "must be an offset such as \"+02:00\" or an IANA zone such as \"Europe/Warsaw\"" },
      ),
    )
    .optional(),
  numericDateOrder: z.enum(["dmy", "mdy"]).nullable().optional(),
});

export const PERMALINK_TOKENS = [":year", ":month", ":day", ":slug", ":title", ":path"] as const;

export const configSchema = z.strictObject({
  title: z.string().min(1).default("feedwright"),
  description: z.string().default("Articles published with feedwright."),
  siteUrl: absoluteHttpUrl.default("http://localhost:4173/"),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as \"en\" or \"en-GB\"")
    .default("en"),
  author: personSchema.default({ name: "feedwright" }),
  timeZone: timeZone.default("UTC"),
  feedLimit: z.number().int().min(1).max(100_000).default(20),
  /** How many of the newest articles the home page lists; every article is listed in its year's archive page. */
  homeLimit: z.number().int().min(1).max(100_000).default(30),
  permalink: z
    .string()
    .refine((p) => p.includes(":slug") || p.includes(":title") || p.includes(":path"), {
      message: "must contain :slug, :title or :path so that every article gets its own page",
    })
    .default("/:year/:month/:day/:slug/"),
  summaryLength: z.number().int().min(40).max(10_000).default(300),
  articlesDir: z.string().min(1).default("articles"),
  outDir: z.string().min(1).default("out"),
  maxFileBytes: z.number().int().min(1).default(5 * 1024 * 1024),
  settleSeconds: z.number().min(0).max(3600).default(2),
  lockWaitSeconds: z.number().min(0).max(86_400).default(30),
  cacheFile: z.string().min(1).optional(),
  hub: absoluteHttpUrl.optional(),
  /** Extra chrome lines, agencies, labels and date rules for raw text articles. */
  textRules: textRulesSchema.optional(),
  /** Channel image of the RSS feed (a logo), absolute or relative to `siteUrl`. */
  image: z.string().min(1).optional(),
  /** Atom `icon` (small, square) and JSON Feed `favicon`, absolute or relative to `siteUrl`. */
  icon: z.string().min(1).optional(),
  /** Atom `logo` (wide) and JSON Feed `icon`, absolute or relative to `siteUrl`. */
  logo: z.string().min(1).optional(),
  /** Also publish one feed per author under `authors/<slug>/`. */
  authorFeeds: z.boolean().default(false),
  /** The date in `tag:` URIs made from explicit non-URI ids (RFC 4151); never change it once published. */
  idDate: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date such as \"2000-01-01\" (or \"2000\", \"2000-01\"), a day you owned the site's domain")
    .default("2000-01-01"),
});

/** The configuration as written by a user (every key optional). */
export type UserConfig = z.input<typeof configSchema>;
/** The configuration with every default filled in. */
export type SiteConfig = z.output<typeof configSchema>;
