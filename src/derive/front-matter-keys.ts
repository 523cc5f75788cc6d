/**
 * Which front-matter keys mean what, as data. The first key present (and non-empty) wins.
 * Dotted names reach into nested mappings (`header.image`).
 */
export const FRONT_MATTER_KEYS = {
  title: ["title"],
  published: ["date", "published", "pubDate", "publishDate", "published_at", "date_published", "created"],
  updated: ["updated", "lastmod", "last_modified_at", "modified", "updatedDate", "date_modified", "updated_at"],
  summary: ["summary", "description", "excerpt", "subtitle"],
  authors: ["authors", "author"],
  tags: ["tags", "categories", "category", "keywords"],
  slug: ["slug"],
  permalink: ["permalink", "url"],
  id: ["id", "guid", "uuid"],
  draft: ["draft"],
  imageUrl: [
    "image",
    "image.path",
    "image.src",
    "image.url",
    "image.feature",
    "header.image",
    "header.overlay_image",
    "header.teaser",
    "feature",
    "feature.photo_url",
    "feature.image",
    "heroImage",
    "hero_image",
    "cover",
    "cover.image",
    "featured_image",
    "featuredImage",
    "images",
    "thumbnail",
  ],
  imageCaption: ["image_caption", "imageCaption", "image.caption", "header.caption", "cover.caption", "feature.caption", "caption"],
  imageAlt: ["image_alt", "imageAlt", "image.alt", "header.image_description", "header.alt", "cover.alt", "heroImageAlt"],
  imageCredit: [
    "image_credit",
    "imageCredit",
    "image.credit",
    "header.credit",
    "cover.credit",
    "feature.creator",
    "feature.credit",
    "photo_credit",
    "credit",
    "unsplash",
  ],
} as const satisfies Record<string, readonly string[]>;

export type FrontMatterField = keyof typeof FRONT_MATTER_KEYS;

/**
 * Labels that mark a caption as a credit ("Photo credit: Unsplash"), as data.
 * Matched at the start of a caption, case-insensitively, followed by a colon or "by".
 */
export const CREDIT_LABELS: readonly string[] = [
  "photo credit",
  "photo credits",
  "image credit",
  "image credits",
  "image courtesy",
  "photo courtesy",
  "photo courtesy of",
  "image courtesy of",
  "header image",
  "cover photo",
  "credit",
  "credits",
  "photo",
  "photograph",
  "image",
  "picture",
  "source",
  "photo by",
  "image by",
  "photograph by",
  "illustration by",
];
