/**
 * The order in which files are published within one run, so that a reader
 * fetching during a run never finds a feed or home page that links to a page
 * not written yet: assets and pages first, then feeds, then the home page.
 */

/** Publishing phases, earliest first; a path goes in the first phase whose pattern it matches. */
export const PUBLISH_PHASES: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "home page", pattern: /^index\.html?$/i },
  { name: "feeds", pattern: /\.(xml|json|rss|atom)$/i },
  { name: "pages and assets", pattern: /(?:)/ },
];

/** The phases in the order they are written (the table above lists specific rules first). */
export const PHASE_WRITE_ORDER: readonly string[] = ["pages and assets", "feeds", "home page"];

/** The name of the phase `relPath` is published in. */
export function publishPhase(relPath: string): string {
  const phase = PUBLISH_PHASES.find((candidate) => candidate.pattern.test(relPath));
  return phase?.name ?? "pages and assets";
}

/**
 * Groups paths into publishing batches, in write order: all of one batch is
 * written before any of the next. Paths within a batch are sorted.
 */
export function publishBatches(relPaths: Iterable<string>): string[][] {
  const byPhase = new Map<string, string[]>(PHASE_WRITE_ORDER.map((name) => [name, []]));
  for (const relPath of relPaths) byPhase.get(publishPhase(relPath))?.push(relPath);
  return PHASE_WRITE_ORDER.map((name) => (byPhase.get(name) ?? []).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).filter(
    (batch) => batch.length > 0,
  );
}
