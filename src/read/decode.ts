import { analyse } from "chardet";
import iconv from "iconv-lite";

/** The result of decoding a file's bytes: its text with `\n` line ends, the encoding used, and doubts. */
export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

/**
 * Legacy single-byte encodings feedwright will guess between, as data. They are decoded
 * with iconv-lite because Node 20's TextDecoder("windows-1252") decodes as Latin-1 and
 * loses curly quotes and the euro sign. ISO-8859-1 is read as its superset Windows-1252.
 */
export const LEGACY_ENCODINGS: readonly string[] = ["windows-1252", "iso-8859-2", "windows-1250", "iso-8859-15"];

/** chardet names -> our decoder labels. */
const CHARDET_TO_LABEL: Readonly<Record<string, string>> = {
  "windows-1252": "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso-8859-2": "iso-8859-2",
  "windows-1250": "windows-1250",
  "iso-8859-15": "iso-8859-15",
};

const PLAUSIBLE_LETTER = /[\p{L}]/u;
/**
 * Accented letters common in Polish and Western European text: a reading that produces
 * them is likelier than one producing rarer letters (ď, ŕ, ĺ, ţ) from the same bytes.
 */
const COMMON_ACCENTED_LETTERS = new Set(
  Array.from("ąćęłńóśźżĄĆĘŁŃÓŚŹŻàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœšžßÀÁÂÄÅÆÇÈÉÊËÍÎÏÑÒÓÔÖØÙÚÛÜŒŠŽčěřůČĚŘŮ"),
);
/** Scores at or under this gap between the two best guesses make the guess uncertain. */
const UNCERTAIN_GAP = 2;

/**
 * Decodes a file's bytes into text. A BOM decides (UTF-8, UTF-16 LE/BE); valid UTF-8 is
 * always read as UTF-8; anything else is guessed among legacy single-byte encodings
 * (Windows-1252, ISO-8859-2, Windows-1250, ISO-8859-15) by scoring how word-like each
 * reading is, with chardet's statistics as a tie-breaker. CRLF and lone CR become LF.
 * A guess that another encoding nearly matched comes with a warning.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return result(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8", []);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return result(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le", []);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return result(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be", []);
  }
  try {
    return result(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8", []);
  } catch {
    return decodeLegacy(bytes);
  }
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const chardetConfidence = new Map<string, number>();
  for (const match of analyse(bytes)) {
    const label = CHARDET_TO_LABEL[match.name.toLowerCase()];
    if (label && !chardetConfidence.has(label)) chardetConfidence.set(label, match.confidence);
  }
  const scored = LEGACY_ENCODINGS.map((encoding, order) => {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    // chardet adds at most half a point: it only breaks ties between equally word-like readings.
    const score = plausibility(text) + (chardetConfidence.get(encoding) ?? 0) / 200 - order / 1000;
    return { encoding, text, score };
  }).sort((a, b) => b.score - a.score);
  const top = scored[0]!;
  // Encodings that read these bytes identically are one answer: name the most common of them.
  const best = scored.filter((candidate) => candidate.text === top.text).sort((a, b) => order(a) - order(b))[0]!;
  const second = scored.find((candidate) => candidate.text !== top.text);
  const warnings: string[] = [];
  if (second && top.score - second.score <= UNCERTAIN_GAP) {
    warnings.push(
      `The file is not UTF-8; it was read as ${best.encoding}, but ${second.encoding} fits almost as well. ` +
        "Save it as UTF-8 to be sure its accented letters are right.",
    );
  }
  return result(best.text, best.encoding, warnings);
}

/**
 * Scores how much a decoded text looks like words: a non-ASCII letter between letters
 * scores, a symbol or control character inside a word costs, C1 controls cost most.
 */
function order(candidate: { encoding: string }): number {
  return LEGACY_ENCODINGS.indexOf(candidate.encoding);
}

function plausibility(text: string): number {
  let score = 0;
  const chars = Array.from(text);
  chars.forEach((char, index) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) return;
    if (code >= 0x80 && code <= 0x9f) {
      score -= 5;
      return;
    }
    const before = chars[index - 1] ?? " ";
    const after = chars[index + 1] ?? " ";
    const inWord = PLAUSIBLE_LETTER.test(before) || PLAUSIBLE_LETTER.test(after);
    if (PLAUSIBLE_LETTER.test(char)) score += inWord ? (COMMON_ACCENTED_LETTERS.has(char) ? 1 : 0) : 0;
    else if (inWord && PLAUSIBLE_LETTER.test(before) && PLAUSIBLE_LETTER.test(after)) score -= 3;
    else if (inWord && !/[“”‘’„«»–—…€°©®™•·]/u.test(char)) score -= 1;
  });
  return score;
}

function result(text: string, encoding: string, warnings: string[]): DecodedText {
  return { text: text.replace(/\r\n?/g, "\n"), encoding, warnings };
}
