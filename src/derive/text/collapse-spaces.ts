/** Whitespace that collapsing would change: a run of two or more, or any space character other than " ". */
const IRREGULAR_SPACE = /[^\S ]| \s/;

/**
 * Replaces each run of whitespace with one space, as `text.replace(/\s+/g, " ")` does, but
 * returns the text itself when it is already single-spaced (most lines are) without building
 * a new string.
 */
export function collapseSpaces(text: string): string {
  return IRREGULAR_SPACE.test(text) ? text.replace(/\s+/g, " ") : text;
}
