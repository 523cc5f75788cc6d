/**
 * The UTF-16 code units JavaScript's `\s` matches (WhiteSpace and LineTerminator), as data;
 * a test checks it against the engine's `\s` for every code unit.
 */
export const SPACE_CODE_UNITS: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

/** True when the code unit is whitespace as `\s` matches it. */
export function isSpaceCodeUnit(code: number): boolean {
  return code === 0x20 || (code <= 0x0d ? code >= 0x09 : code >= 0xa0 && SPACE_CODE_UNITS.has(code));
}

/**
 * Replaces each run of whitespace with one space, as `text.replace(/\s+/g, " ")` does, but
 * returns the text itself when it is already single-spaced (most lines are) without building
 * a new string.
 */
export function collapseSpaces(text: string): string {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20 ? index + 1 < text.length && isSpaceCodeUnit(text.charCodeAt(index + 1)) : isSpaceCodeUnit(code)) {
      return text.replace(/\s+/g, " ");
    }
  }
  return text;
}
