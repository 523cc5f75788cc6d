export type { Article, Person, ImageCredit, LeadImage, FieldOrigin, Diagnostic } from "./article.js";
export { configSchema, type SiteConfig, type UserConfig } from "./config/schema.js";
