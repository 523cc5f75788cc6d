/** Types for site-versions.mjs (plain JS so the child process can import it without a TS loader). */
export function sitePaths(pageCount: number): string[];
export function fileContent(version: "A" | "B", relPath: string): string;
export function siteFiles(version: "A" | "B", pageCount: number): Map<string, string>;
