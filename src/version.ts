import { readFileSync } from "node:fs";

/** feedwright's own version, read once from package.json (shipped beside dist/). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export const GENERATOR = { name: "feedwright", version: VERSION, uri: "https://www.npmjs.com/package/feedwright" };
