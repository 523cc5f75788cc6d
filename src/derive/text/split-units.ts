import { collapseSpaces } from "./collapse-spaces.js";
import type { TextUnit } from "./types.js";

/** Longest line of a chunk that still counts as hard-wrapped prose rather than one paragraph per line. */
const MAX_WRAP_WIDTH = 110;
/** Shortest longest-line of a chunk that can be hard-wrapped prose. */
const MIN_WRAP_WIDTH = 45;

/** Spaces written as something else (no-break, figure, narrow no-break, tab): read as a space. */
const ODD_SPACES: readonly string[] = ["\u00A0", "\u2007", "\u202F", "\t"];
const ODD_SPACES_ALL = /[\u00A0\u2007\u202F\t]/gu;
/** Zero-width characters: dropped. */
const ZERO_WIDTHS = /[\u200B-\u200D\u2060]/u;
const ZERO_WIDTHS_ALL = /[\u200B-\u200D\u2060]/gu;

/**
 * Splits raw text into units: a blank line always separates; inside a chunk of lines,
 * hard-wrapped lines (all at most ~110 characters) are joined with a space, except where
 * a short line clearly ends a unit (a headline without final punctuation, or a short last
 * line of a paragraph followed by a capital); chunks with long lines are one unit per line,
 * as pages saved one paragraph per line are. A line `isStandalone` says is its own unit
 * (chrome, a date line, a credit) is never joined to its neighbours.
 */
export function splitUnits(text: string, isStandalone: (line: string) => boolean = () => false): TextUnit[] {
  const withoutBom = text.replace(/^\uFEFF/u, "");
  const source = withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
  // Looked for once in the whole text: most texts have neither, and their lines skip both replaces.
  const hasOddSpaces = ODD_SPACES.some((space) => source.includes(space));
  const hasZeroWidths = ZERO_WIDTHS.test(source);
  const lines = source.split("\n").map((line) => {
    const spaced = hasOddSpaces ? line.replace(ODD_SPACES_ALL, " ") : line;
    return stripMarkup((hasZeroWidths ? spaced.replace(ZERO_WIDTHS_ALL, "") : spaced).trim());
  });
  const units: TextUnit[] = [];
  let chunk: Array<{ text: string; line: number }> = [];
  let chunkIndex = 0;
  const flush = () => {
    if (chunk.length > 0) {
      units.push(...unitsOfChunk(chunk, chunkIndex, isStandalone));
      chunkIndex += 1;
    }
    chunk = [];
  };
  lines.forEach((line, index) => {
    if (line === "") flush();
    else chunk.push({ text: collapseSpaces(line), line: index + 1 });
  });
  flush();
  return units;
}

function unitsOfChunk(
  lines: Array<{ text: string; line: number }>,
  chunk: number,
  isStandalone: (line: string) => boolean,
): TextUnit[] {
  const width = Math.max(...lines.map((line) => line.text.length));
  // Nobody wraps prose under ~45 characters: a chunk of short lines is a menu or a header block.
  if (lines.length === 1 || width > MAX_WRAP_WIDTH || width < MIN_WRAP_WIDTH) {
    return lines.map((line) => ({ text: line.text, line: line.line, chunk }));
  }
  const units: TextUnit[] = [];
  let current: { text: string; line: number } | null = null;
  const standalone = lines.map((line) => isStandalone(line.text));
  lines.forEach((line, index) => {
    if (current && standalone[index]) {
      units.push({ ...current, chunk });
      current = null;
    }
    current = current ? { text: `${current.text} ${line.text}`, line: current.line } : { ...line };
    const next = lines[index + 1];
    if (!next || standalone[index] || standalone[index + 1] || endsUnit(line.text, next.text, width)) {
      units.push({ ...current, chunk });
      current = null;
    }
  });
  return units;
}

/**
 * Drops Markdown marks some scrapers leave: a heading's leading `#`s and emphasis wrapping a
 * whole line (`**By Jane Doe**`, `_19 October 2021_`).
 */
function stripMarkup(line: string): string {
  // Both marks start the line: most lines start with neither and skip the regexes.
  const heading = line.startsWith("#") ? line.replace(/^#{1,6}\s+(.*?)(?:\s+#+)?$/u, "$1") : line;
  const first = heading[0];
  const wrapped = first === "*" || first === "_" ? /^(\*{1,2}|_{1,2})(\S(?:.*\S)?)\1$/u.exec(heading) : null;
  return wrapped?.[2] ?? heading;
}

/** A list item starts a unit of its own: "- The bridge was closed in 2019." */
const LIST_ITEM = /^(?:[-•*·▪►]|\d{1,2}[.)])\s/u;

/** True when a line inside a wrapped chunk ends its unit instead of running on into the next line. */
function endsUnit(line: string, next: string, width: number): boolean {
  if (LIST_ITEM.test(next) || /:$/u.test(line)) return true;
  const nextStartsSentence = /^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(next);
  if (!nextStartsSentence) return false;
  // Wrapping fills lines greedily: when the next line's first word would have fitted on this
  // one, the break was not a wrap but the end of a unit (a headline above its standfirst, a
  // label, a paragraph's last line). A short line followed by a capitalised one ends a unit too.
  const firstWord = next.split(" ", 1)[0] ?? next;
  return line.length < width * 0.6 || line.length + 1 + firstWord.length <= width;
}
