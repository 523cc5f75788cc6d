/**
 * feedwright's library API. `build(options)` publishes a folder of articles and returns
 * a summary; the `feedwright` command is a thin shell over it.
 */
export { build, type BuildOptions, type BuildSummary } from "./build.js";
export type { Article, Person, ImageCredit, LeadImage, FieldOrigin, Diagnostic } from "./article.js";
export { configSchema, type SiteConfig, type UserConfig } from "./config/schema.js";
export { UsageError, PublishError } from "./errors.js";
export { deriveFromText } from "./derive/text/derive-from-text.js";
export { renderTextBlocksHtml } from "./derive/text/render-text-blocks-html.js";
export { DEFAULT_TEXT_RULES, mergeRules, type TextRules, type TextRulesExtension } from "./derive/text/rules.js";
export type { DerivedText, DeriveTextOptions, TextBlock } from "./derive/text/types.js";
export { decodeText, type DecodedText } from "./read/decode.js";
export { inspectFiles, formatInspectText, type InspectRecord, type InspectOptions } from "./inspect.js";
export { checkFeeds, type CheckReport } from "./check/check-feeds.js";
export type { CheckProblem } from "./check/problem.js";
