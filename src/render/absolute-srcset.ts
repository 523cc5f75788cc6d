import { absoluteUrl } from "./absolute-url.js";

/** One srcset descriptor: a width (`640w`), a pixel density (`2x`, `1.5x`) or a height (`480h`). */
const SRCSET_DESCRIPTOR = /^(\d+w|\d*\.?\d+x|\d+h)$/;

/**
 * Makes every candidate URL in a `srcset` value absolute against `base`, keeping each
 * candidate's descriptors (`2x`, `640w`). Candidates whose URL is not http(s) after
 * resolving (`javascript:`, `data:`), or with malformed descriptors, are dropped. Parsed as the HTML standard does: a URL is
 * a run of non-space characters; commas at its end separate candidates.
 */
export function absoluteSrcset(srcset: string, base: string): string {
  const candidates: string[] = [];
  let position = 0;
  while (position < srcset.length) {
    while (position < srcset.length && /[\s,]/.test(srcset[position]!)) position++;
    if (position >= srcset.length) break;
    let end = position;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(position, end);
    position = end;
    let descriptor = "";
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      const comma = srcset.indexOf(",", position);
      const stop = comma === -1 ? srcset.length : comma;
      descriptor = srcset.slice(position, stop).trim();
      position = stop + 1;
    }
    // A candidate whose descriptor is not a width, density or height (`640w`, `2x`) is malformed: dropped.
    if (descriptor !== "" && !descriptor.split(/\s+/).every((token) => SRCSET_DESCRIPTOR.test(token))) continue;
    const absolute = absoluteUrl(url, base);
    if (absolute) candidates.push(descriptor ? `${absolute} ${descriptor}` : absolute);
  }
  return candidates.join(", ");
}
