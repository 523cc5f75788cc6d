/**
 * feedwright's library API. `build(options)` publishes a folder of articles and returns
 * a summary; the `feedwright` command is a thin shell over it.
 */
export { build, type BuildOptions, type BuildSummary } from "./build.js";
export type { Article, Person, ImageCredit, LeadImage, FieldOrigin, Diagnostic } from "./article.js";
export { configSchema, type SiteConfig, type UserConfig } from "./config/schema.js";
export { UsageError, PublishError } from "./errors.js";
export { checkFeeds, type CheckReport } from "./check/check-feeds.js";
export type { CheckProblem } from "./check/problem.js";
