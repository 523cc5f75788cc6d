// Child process for publish-sigkill.test.ts: publishes the site in version A,
// then B, then A... until the parent kills it with SIGKILL.
// argv: outDir pageCount firstVersion
import { publishFiles } from "../../../dist/publish/publish-files.js";
import { siteFiles } from "./site-versions.mjs";

const [outDir, pageCountText, firstVersion] = process.argv.slice(2);
const pageCount = Number(pageCountText);
let version = firstVersion;
for (;;) {
  await publishFiles(outDir, siteFiles(version, pageCount));
  process.stdout.write(`published ${version}\n`);
  version = version === "A" ? "B" : "A";
}
