/**
 * Calls `visit` with each match of a global regex in `text`, in order, as `text.matchAll`
 * would give them, until `visit` returns false. Unlike `matchAll` it does not clone the regex
 * for every call (a measurable cost on the raw-text hot path); it uses the regex's
 * `lastIndex` and resets it, so `visit` must not use the same regex.
 */
export function forEachMatch(regex: RegExp, text: string, visit: (match: RegExpExecArray) => boolean | void): void {
  regex.lastIndex = 0;
  try {
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      // An empty match would be found again at the same place: step over one character, as matchAll does.
      if (match[0] === "") regex.lastIndex = nextIndex(text, regex.lastIndex, regex.unicode);
      if (visit(match) === false) return;
    }
  } finally {
    regex.lastIndex = 0;
  }
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
