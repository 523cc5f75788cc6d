import type { CompiledRules } from "./compile-rules.js";
import { countWords } from "./text-shapes.js";

/** Lower-case words that may sit inside a person's name. */
const NAME_PARTICLES = new Set(["de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la", "le", "du", "al", "el", "bin", "ibn", "y", "e", "ter", "ten", "st."]);
/** Capitalised words that start sentences such as "By Sunday, ..." and are never names. */
const NOT_NAMES = new Set([
  "the", "a", "an", "this", "that", "these", "those", "then", "now", "today", "tomorrow", "yesterday", "law",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
  "april", "may", "june", "july", "august", "september", "october", "november", "december", "way", "far", "all",
  "contrast", "comparison", "default", "design", "night", "day", "noon", "midnight", "car", "train", "plane",
  "email", "phone", "mail", "order", "request", "nature", "definition", "chance", "accident", "mistake",
]);
const TAIL_SPLIT = /\s*(?:,|\||;|\s[-–—]\s|\s(?:in|on|for|at|from|via|with)\s|\(|•|·|\s\/\s)\s*/u;

/**
 * Reads a byline: "By Jane Doe", "By JANE DOE and John Roe, Reuters", "Author: Jane Doe",
 * "Words by Jane Doe", "Posted by Jane Doe on October 19, 2021". Returns the name(s), or
 * null when the line is not a byline (e.g. "By the way, ..." or a long sentence).
 */
export function matchByline(text: string, rules: CompiledRules): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 160) return null;
  const label = rules.bylineLabelStart.exec(trimmed);
  if (!label) return null;
  const rest = trimmed.slice(label[0].length).trim();
  const several = severalNames(rest, rules);
  if (several) return several;
  const [head = "", ...tailParts] = rest.split(TAIL_SPLIT);
  const names = head.replace(/[.\s]+$/u, (dots) => (/\b\p{Lu}\.$/u.test(head) ? dots.trimEnd() : ""));
  // "By Staff Reporter", "By News Desk" name a role, not a person
  if (!isNameList(names, rules) || ROLE_WORDS.test(names)) return null;
  const tail = tailParts.join(" ");
  if (countWords(tail) > 14) return null;
  return names.replace(/\s+/g, " ").trim();
}

/** Words of job titles after a name ("Jane Doe, Political Correspondent"): never a second name. */
const ROLE_WORDS = /\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|producer|analyst|journalist|presenter|host|chief|senior|deputy|bureau|desk|team|intern|photographer|critic|fellow|professor|director|manager|officer|spokes\w*|author)s?\b/iu;

/** "Jane Doe, John Roe and Ann Poe" (possibly followed by a role or agency): all the names. */
function severalNames(rest: string, rules: CompiledRules): string | null {
  if (!/,/u.test(rest) || /[|;(•·]/u.test(rest)) return null;
  const parts = rest.replace(/[.\s]+$/u, "").split(/\s*,\s*/u);
  while (parts.length > 0 && (ROLE_WORDS.test(parts.at(-1)!) || rules.agencyExact.test(parts.at(-1)!))) parts.pop();
  if (parts.length < 2) return null;
  const names = parts.join(", ");
  return isNameList(names, rules) && parts.every((part) => !ROLE_WORDS.test(part)) ? names : null;
}

/** True for "Jane Doe", "Jane Doe and John Roe", "J.R. Smith", "Ana de la Cruz", "Reuters", "JANE DOE". */
export function isNameList(text: string, rules: CompiledRules): boolean {
  const names = text.split(/\s*(?:,|&|\band\b)\s*/u).filter((part) => part !== "");
  if (names.length === 0 || names.length > 5) return false;
  return names.every((name) => isName(name, rules));
}

function isName(name: string, rules: CompiledRules): boolean {
  if (rules.agencyExact.test(name)) return true;
  const words = name.split(/\s+/u);
  if (words.length < 2 || words.length > 5) return false;
  if (NOT_NAMES.has(words[0]!.toLowerCase())) return false;
  return words.every(
    (word) =>
      NAME_PARTICLES.has(word.toLowerCase()) ||
      /^(?:\p{Lu}\.){1,3}$/u.test(word) ||
      /^(?:\p{Lu}[\p{L}'’.-]*)$/u.test(word),
  );
}

