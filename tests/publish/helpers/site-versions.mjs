// Two versions ("A" and "B") of a large generated site, shared by the
// SIGKILL test and its child process, so both agree on what "whole" means.

/** Relative paths of every file in the site: many pages, plus feeds and a home page. */
export function sitePaths(pageCount) {
  const paths = [];
  for (let i = 0; i < pageCount; i++) paths.push(`articles/${i % 40}/${i}/index.html`);
  paths.push("feed.xml", "feed.json", "index.html");
  return paths;
}

/** The exact content of `relPath` in `version`; the versions differ in length as well as bytes. */
export function fileContent(version, relPath) {
  const header = `${version}|${relPath}|`;
  const target = version === "A" ? 2_000 : 3_100;
  return header + `${version}${relPath}`.repeat(Math.ceil(target / (relPath.length + 1))).slice(0, target) + "|end";
}

/** The whole site in `version`, as publishFiles takes it. */
export function siteFiles(version, pageCount) {
  return new Map(sitePaths(pageCount).map((relPath) => [relPath, fileContent(version, relPath)]));
}
