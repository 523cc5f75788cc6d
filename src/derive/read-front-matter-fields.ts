import type { LeadImage, Person } from "../article.js";
import { CREDIT_LABELS, FRONT_MATTER_KEYS, type FrontMatterField } from "./front-matter-keys.js";
import { inlineMarkdownToText } from "./markdown.js";
import { parseDateValue } from "./parse-date-value.js";

/** What the front matter says about an article; absent values are undefined. */
export interface FrontMatterFields {
  title?: string;
  published?: string;
  updated?: string;
  summary?: string;
  authors?: Person[];
  tags?: string[];
  slug?: string;
  permalink?: string;
  id?: string;
  draft?: boolean;
  image?: LeadImage;
  /** Messages about values present but unusable, keyed by field. */
  problems: Array<{ field: string; message: string }>;
}

/**
 * Reads the known fields out of parsed front matter (see FRONT_MATTER_KEYS), normalising
 * shapes people really write: authors as a string, a list or `{name, email, url}`; tags as
 * a list or a comma-separated string; dates with or without a zone (read in `timeZone`);
 * image credits written as Markdown captions ("Photo credit: [**Name**](url)").
 */
export function readFrontMatterFields(data: Record<string, unknown>, timeZone: string): FrontMatterFields {
  const fields: FrontMatterFields = { problems: [] };
  const text = (field: FrontMatterField) => firstText(data, field);

  const title = text("title");
  if (title) fields.title = title.value;

  for (const field of ["published", "updated"] as const) {
    const found = firstPresent(data, field);
    if (!found) continue;
    const iso = parseDateValue(found.value, timeZone);
    if (iso) fields[field] = iso;
    else fields.problems.push({ field: found.key, message: `"${found.key}" is not a date feedwright can read (${describe(found.value)}); write it as 2021-10-19 or 2021-10-19T10:32:00+02:00` });
  }

  const summary = text("summary");
  if (summary) fields.summary = inlineMarkdownToText(summary.value);

  const authors = readAuthors(firstPresent(data, "authors")?.value);
  if (authors.length > 0) fields.authors = authors;

  const tags = readTags(data);
  if (tags.length > 0) fields.tags = tags;

  const slug = text("slug");
  if (slug) fields.slug = slug.value;
  const permalink = text("permalink");
  if (permalink) fields.permalink = permalink.value;
  const id = firstPresent(data, "id");
  if (id && (typeof id.value === "string" || typeof id.value === "number") && String(id.value).trim() !== "") {
    fields.id = String(id.value).trim();
  }

  const draft = firstPresent(data, "draft");
  if (draft) fields.draft = draft.value === true || draft.value === "true" || draft.value === "yes";
  // Jekyll's `published: false` means "do not publish".
  if (data.published === false || data.published === "false") fields.draft = true;

  const image = readImage(data);
  if (image) fields.image = image;
  return fields;
}

function readImage(data: Record<string, unknown>): LeadImage | undefined {
  const url = firstText(data, "imageUrl")?.value;
  const rawCaption = firstText(data, "imageCaption")?.value ?? null;
  const rawCredit = firstText(data, "imageCredit")?.value ?? null;
  const alt = firstText(data, "imageAlt")?.value ?? null;

  let caption = rawCaption === null ? null : inlineMarkdownToText(rawCaption);
  let credit = rawCredit === null ? null : stripCreditLabel(inlineMarkdownToText(rawCredit));
  if (caption !== null && credit === null) {
    const labelled = stripCreditLabel(caption);
    if (labelled !== caption) {
      credit = labelled;
      caption = null;
    }
  }
  if (caption === null && alt !== null && credit !== null) caption = inlineMarkdownToText(alt);
  if (!url && credit === null && caption === null) return undefined;
  return { url: url ?? "", caption: caption || null, credit: credit || null, alt: alt ? inlineMarkdownToText(alt) : null };
}

/** CREDIT_LABELS sorted once, longest first, so "photo credit" is tried before "photo". */
const CREDIT_LABELS_LONGEST_FIRST = [...CREDIT_LABELS].sort((a, b) => b.length - a.length);

/** Removes a leading credit label ("Photo credit:", "Photo by") from a credit line. */
export function stripCreditLabel(text: string): string {
  const lower = text.toLowerCase();
  for (const label of CREDIT_LABELS_LONGEST_FIRST) {
    if (!lower.startsWith(label)) continue;
    const rest = text.slice(label.length);
    const match = /^\s*(?::|-|–|—|by\b)\s*/i.exec(rest) ?? (label.endsWith(" by") ? /^\s+/.exec(rest) : null);
    if (match) return rest.slice(match[0].length).trim();
  }
  return text.trim();
}

function readAuthors(value: unknown): Person[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const people: Person[] = [];
  for (const entry of list) {
    const person = readPerson(entry);
    if (person && !people.some((p) => p.name === person.name)) people.push(person);
  }
  return people;
}

function readPerson(value: unknown): Person | undefined {
  if (typeof value === "string") {
    // "Jane Doe <jane@example.org> (https://jane.example)", as npm writes people
    const match = /^\s*([^<(]*?)\s*(?:<([^>]+)>)?\s*(?:\(([^)]+)\))?\s*$/.exec(value);
    const name = match?.[1]?.trim() || value.trim();
    if (name === "") return undefined;
    const person: Person = { name };
    if (match?.[2]) person.email = match[2].trim();
    if (match?.[3] && /^https?:\/\//.test(match[3])) person.url = match[3].trim();
    return person;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const name = [record.name, record.display_name, record.title].find((v) => typeof v === "string" && v.trim() !== "");
    if (typeof name !== "string") return undefined;
    const person: Person = { name: name.trim() };
    if (typeof record.email === "string" && record.email.trim()) person.email = record.email.trim();
    const url = [record.url, record.link, record.website, record.uri].find((v) => typeof v === "string" && v.trim() !== "");
    if (typeof url === "string") person.url = url.trim();
    return person;
  }
  return undefined;
}

function readTags(data: Record<string, unknown>): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const key of FRONT_MATTER_KEYS.tags) {
    const value = data[key];
    const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
    for (const entry of list) {
      if (typeof entry !== "string" && typeof entry !== "number") continue;
      const tag = String(entry).replace(/\s+/g, " ").trim();
      if (tag === "" || seen.has(tag.toLowerCase())) continue;
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** Each dotted key's parts, split once: keys come from FRONT_MATTER_KEYS, so this stays small. */
const KEY_PATHS = new Map<string, readonly string[]>();

function lookup(data: Record<string, unknown>, dotted: string): unknown {
  let path = KEY_PATHS.get(dotted);
  if (path === undefined) {
    path = dotted.split(".");
    KEY_PATHS.set(dotted, path);
  }
  let value: unknown = data;
  for (const part of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function firstPresent(data: Record<string, unknown>, field: FrontMatterField): { key: string; value: unknown } | undefined {
  for (const key of FRONT_MATTER_KEYS[field]) {
    const value = lookup(data, key);
    if (value === undefined || value === null || value === "") continue;
    if (field === "published" && key === "published" && typeof value === "boolean") continue;
    return { key, value };
  }
  return undefined;
}

function firstText(data: Record<string, unknown>, field: FrontMatterField): { key: string; value: string } | undefined {
  for (const key of FRONT_MATTER_KEYS[field]) {
    let value = lookup(data, key);
    if (Array.isArray(value)) value = value.find((entry) => typeof entry === "string");
    if (typeof value === "number") value = String(value);
    if (typeof value === "string" && value.trim() !== "") return { key, value: value.trim() };
  }
  return undefined;
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
