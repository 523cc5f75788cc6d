import type { CompiledRules } from "./compile-rules.js";
import { forEachMatch } from "./for-each-match.js";

/** A caption and/or credit read from one unit of text. */
export interface CaptionCredit {
  caption: string | null;
  credit: string | null;
  /** True when a label said this is the main photo's credit ("Main photo source:"). */
  main: boolean;
}

const MAX_CAPTION = 400;
const MAX_CREDIT_WORDS = 16;
/** Real captions have one glue point; text with many capitals inside words is not a caption. */
const MAX_GLUE_POINTS = 24;
/** Photo-specific credit words that make a bare line a credit even without "/". */
const PHOTO_WORDS = /\b(?:getty|shutterstock|alamy|istock|unsplash|pexels|pixabay|ap photo|wikimedia|afp via|zuma|nurphoto)\b/iu;

/**
 * Splits a caption from its credit, in the shapes news pages leave in scraped text:
 * "Main photo source: X" (main credit), "Photo: X", "(Photo by X / Getty Images)",
 * "Caption. Photo: Jane Doe/AFP", "Caption (AP Photo/Evan Vucci)", "Caption – Jane Doe/Reuters",
 * a caption glued to an all-caps credit in either order ("Gen. Mark MilleyJIM LO SCALZO / EPA / PAP",
 * "MAXIM SHIPENKOV / EPAGeneral Valery Gerasimov"), "Image caption, X" (caption alone), and a
 * bare credit line ("JIM LO SCALZO / EPA / PAP"). Returns null for anything else.
 */
export function splitCaptionCredit(text: string, rules: CompiledRules): CaptionCredit | null {
  const unit = text.trim();
  if (unit === "") return null;
  const main = rules.mainCreditLabelStart.exec(unit);
  if (main) {
    const credit = cleanCredit(unit.slice(main[0].length));
    return credit && isShortCredit(credit) ? { caption: null, credit, main: true } : null;
  }
  const captionLabel = rules.captionLabelStart.exec(unit);
  if (captionLabel) {
    const rest = unit.slice(captionLabel[0].length);
    const inner = splitTrailingCredit(rest, rules);
    if (inner) return inner;
    return { caption: cleanCaption(rest), credit: null, main: false };
  }
  const wrapped = /^[(\[](.+)[)\]]\.?$/u.exec(unit);
  if (wrapped?.[1]) {
    const inside = wrapped[1].trim();
    const labelled = labelledCredit(inside, rules);
    if (labelled) return { caption: null, credit: labelled, main: false };
    if (isCreditShape(inside, rules)) return { caption: null, credit: cleanCredit(inside), main: false };
  }
  const labelled = labelledCredit(unit, rules);
  if (labelled) return { caption: null, credit: labelled, main: false };
  const copyright = /^(?:©|\(c\)|copyright)\s*(.+)$/iu.exec(unit);
  if (copyright?.[1] && isCreditShape(copyright[1], rules)) return { caption: null, credit: cleanCredit(copyright[1]), main: false };
  if (unit.length > MAX_CAPTION + 120) return null;
  const glued = splitGlued(unit, rules);
  if (glued) return glued;
  if (isBareCredit(unit, rules)) return { caption: null, credit: cleanCredit(unit), main: false };
  return splitTrailingCredit(unit, rules);
}

/**
 * True for a credit: an agency name, or parts split by "/", "|", "via", "for" or "," of
 * which one is an agency and the rest look like names ("JIM LO SCALZO / EPA / PAP",
 * "Jane Doe/Getty Images", "AP Photo/Evan Vucci").
 */
export function isCreditShape(text: string, rules: CompiledRules): boolean {
  const credit = text.trim().replace(/\.$/u, "");
  if (credit === "" || credit.length > 120) return false;
  if (rules.agencyExact.test(credit)) return true;
  const parts = credit.split(/\s*(?:\/|\||\bvia\b|\bfor\b|,|;)\s*/iu).filter((part) => part !== "");
  if (parts.length < 2) return false;
  const agencies = parts.filter((part) => rules.agencyExact.test(part) || /^AP Photo\b/iu.test(part)).length;
  if (agencies === 0) return false;
  return parts.every((part) => rules.agencyExact.test(part) || looksLikeName(part));
}

/** A credit standing alone on a line: needs a "/" between name and agency, or a photo-agency word. */
function isBareCredit(text: string, rules: CompiledRules): boolean {
  if (isAllCapsNameAndSource(text)) return true;
  if (!isCreditShape(text, rules)) return false;
  return /[\/|]/u.test(text) || PHOTO_WORDS.test(text);
}

/** "Photo: X", "Photograph by X", "Fot. X", "Source: REUTERS" (a source only when it names an agency). */
function labelledCredit(text: string, rules: CompiledRules): string | null {
  const label = rules.creditLabelStart.exec(text);
  if (!label) return null;
  const credit = cleanCredit(text.slice(label[0].length));
  if (!credit || !isShortCredit(credit)) return null;
  if (/^source$/iu.test(label[1] ?? "") && !rules.agencyAnywhere.test(credit)) return null;
  return credit;
}

/** "Caption. Photo: X", "Caption Photograph: X/Getty Images", "Caption (AP Photo/Name)", "Caption – Name/Reuters". */
function splitTrailingCredit(text: string, rules: CompiledRules): CaptionCredit | null {
  const labels: RegExpExecArray[] = [];
  forEachMatch(rules.creditLabelInside, text, (label) => {
    labels.unshift(label);
  });
  for (const label of labels) {
    const labelStart = label.index + label[0].indexOf(label[1]!);
    const caption = cleanCaption(text.slice(0, labelStart));
    const credit = cleanCredit(text.slice(label.index + label[0].length));
    if (!caption || !credit || !isShortCredit(credit) || caption.length > MAX_CAPTION) continue;
    if (/^Source$/u.test(label[1] ?? "") && !rules.agencyAnywhere.test(credit)) continue;
    return { caption, credit, main: false };
  }
  const parenthesised = endsWithBracket(text) ? /^(.+?)\s*[(\[]([^()\[\]]+)[)\]]\.?$/u.exec(text) : null;
  if (parenthesised?.[1] && parenthesised[2] && isCreditShape(parenthesised[2], rules)) {
    const caption = cleanCaption(parenthesised[1]);
    if (caption && caption.length <= MAX_CAPTION) return { caption, credit: cleanCredit(parenthesised[2]), main: false };
  }
  // The two shapes below need a "/" in the credit, which is the end of the text: without one, neither can match.
  const lastSlash = text.lastIndexOf("/");
  if (lastSlash === -1) return null;
  // Reuters and EPA style: "... October 19, 2021. REUTERS/Kacper Pempel"
  for (const boundary of lastSentenceBoundaries(text, 3)) {
    const creditStart = boundary.index + boundary[0].length;
    if (creditStart > lastSlash) continue;
    const credit = text.slice(creditStart);
    if (!isCreditShape(credit, rules)) continue;
    const caption = cleanCaption(text.slice(0, boundary.index + 1));
    if (caption && caption.length <= MAX_CAPTION) return { caption, credit: cleanCredit(credit), main: false };
  }
  const dashed = /^(.+)\s+[-–—|]\s+([^-–—|]+)$/u.exec(text);
  if (dashed?.[1] && dashed[2] && isCreditShape(dashed[2], rules) && /[\/]/u.test(dashed[2])) {
    const caption = cleanCaption(dashed[1]);
    if (caption && caption.length <= MAX_CAPTION) return { caption, credit: cleanCredit(dashed[2]), main: false };
  }
  return null;
}

/** Where a caption and credit may be glued: a capital letter right after something that is not whitespace. */
const GLUE_POINT = /(?<=\S)\p{Lu}/gu;

/** True when the text ends with ")" or "]", maybe followed by a full stop: the parenthesised credit's end. */
function endsWithBracket(text: string): boolean {
  const last = text.endsWith(".") ? text.length - 2 : text.length - 1;
  return text[last] === ")" || text[last] === "]";
}

const SENTENCE_BOUNDARY = /[.!?]["”’]?\s+(?=\S)/gu;

/** The last `count` sentence boundaries (". ", "?\" ") of the text, last first. */
function lastSentenceBoundaries(text: string, count: number): RegExpExecArray[] {
  const last: RegExpExecArray[] = [];
  forEachMatch(SENTENCE_BOUNDARY, text, (boundary) => {
    last.unshift(boundary);
    if (last.length > count) last.pop();
  });
  return last;
}

/**
 * Caption and credit glued without a space, as scrapers leave figure captions:
 * "Gen. Mark MilleyJIM LO SCALZO / EPA / PAP" or the reverse "JIM LO SCALZO / EPAGen. Mark Milley".
 */
function splitGlued(text: string, rules: CompiledRules): CaptionCredit | null {
  let tried = 0;
  let found: CaptionCredit | null = null;
  forEachMatch(GLUE_POINT, text, (capital) => {
    // A capital outside the Basic Multilingual Plane is two code units: never a glue point.
    if (capital[0].length !== 1) return true;
    if (tried >= MAX_GLUE_POINTS) return false;
    const index = capital.index;
    const before = text[index - 1]!;
    tried += 1;
    // caption first: the credit starts where a lower-case letter (or . ) ” ) meets a capital
    if (/[\p{Ll}\d.)”"’']/u.test(before)) {
      const credit = text.slice(index).trim();
      const caption = cleanCaption(text.slice(0, index));
      if (caption && caption.length <= MAX_CAPTION && !endsWithNamePrefix(caption)) {
        // "CaptionFot. Name / PAP", "CaptionPhoto: Name": a label glued to the caption
        const labelled = labelledCredit(credit, rules);
        if (labelled) {
          found = { caption, credit: labelled, main: false };
          return false;
        }
        if (isGluedCredit(credit, rules) || isGluedAllCapsName(credit) || isAllCapsNameAndSource(credit)) {
          found = { caption, credit: cleanCredit(credit), main: false };
          return false;
        }
      }
    }
    // credit first: the caption starts with a capital followed by a lower-case letter
    if (/\p{L}/u.test(before) && /\p{Ll}/u.test(text[index + 1] ?? "")) {
      const credit = text.slice(0, index).trim();
      const caption = cleanCaption(text.slice(index));
      if (caption && caption.length <= MAX_CAPTION && isGluedCredit(credit, rules)) {
        found = { caption, credit: cleanCredit(credit), main: false };
        return false;
      }
    }
    return true;
  });
  return found;
}

/** A glued credit is an all-caps credit shape, or a credit shape with a "/" or a photo-agency word. */
function isGluedCredit(credit: string, rules: CompiledRules): boolean {
  if (!isCreditShape(credit, rules)) return false;
  const letters = credit.replace(/[^\p{L}]/gu, "");
  const allCaps = letters !== "" && letters === letters.toUpperCase();
  return allCaps || /[\/|]/u.test(credit) || PHOTO_WORDS.test(credit) || rules.agencyExact.test(credit);
}

/** "Mc|Donald", "De|Santis", "O'|Brien": a capital inside a name is not where a credit starts. */
function endsWithNamePrefix(caption: string): boolean {
  const lastWord = /(\S+)$/u.exec(caption)?.[1] ?? "";
  return lastWord.length < 3 || /^(?:mc|mac|de|le|la|di|da|van|von|du|del|della|o'|o’|d'|d’|fitz|ibn)$/iu.test(lastWord);
}

/** "MilleyJIM LO SCALZO": a photographer's name in capitals glued to a caption, without an agency. */
function isGluedAllCapsName(credit: string): boolean {
  const words = credit.split(/\s+/u);
  return words.length >= 2 && words.length <= 5 && words.every((word) => /^\p{Lu}[\p{Lu}'’.-]+$/u.test(word));
}

/**
 * "ANNA WÓJCIK / GAZETTE", "JOHN SMITH / CITY NEWS / PAP": a photographer's name in capitals
 * and one or more sources after slashes, whether or not the source is a known agency. The
 * name needs two words, so an all-caps breadcrumb ("NEWS / WORLD") is not taken for a credit.
 */
function isAllCapsNameAndSource(text: string): boolean {
  // Without a "/" there is only one part: skip the split.
  if (!text.includes("/")) return false;
  const parts = text.trim().split(/\s*\/\s*/u);
  if (parts.length < 2 || parts.length > 4) return false;
  const [name = "", ...sources] = parts;
  return isAllCapsWords(name, 2, 4) && sources.every((source) => isAllCapsWords(source, 1, 4));
}

function isAllCapsWords(text: string, min: number, max: number): boolean {
  const words = text.split(/\s+/u).filter((word) => word !== "");
  return words.length >= min && words.length <= max && words.every((word) => /^\p{Lu}[\p{Lu}\p{N}'’.&-]*$/u.test(word));
}

function looksLikeName(part: string): boolean {
  const words = part.split(/\s+/u);
  if (words.length > 6) return false;
  return words.every((word) => /^[\p{Lu}\p{N}][\p{L}\p{N}'’.&-]*$/u.test(word) || /^(?:de|da|van|von|der|la|le|di|del|al|el|bin|and|of|the|for|via)$/u.test(word));
}

function isShortCredit(credit: string): boolean {
  const words = credit.split(/\s+/u).length;
  // a sentence inside the credit ("X. The minister said") means this was running text
  return credit.length <= 140 && words <= MAX_CREDIT_WORDS && !/[\p{Ll}]{2,}\.\s+\p{Lu}/u.test(credit);
}

function cleanCredit(text: string): string {
  return text
    .trim()
    .replace(/^[(\[]+|[)\]]+\.?$/gu, "")
    .replace(/(?<![\s.]\p{Lu})\.$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

function cleanCaption(text: string): string | null {
  const caption = text.trim().replace(/[\s(\[–—|-]+$/u, "").replace(/\s+/gu, " ").trim();
  return caption === "" ? null : caption;
}
