// @ts-check
/**
 * The minimal Hugo site the benchmark compares against: a page per article, a home list,
 * RSS for the home page and every tag, and tag pages. Nothing else (no sitemap, no sections).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Bump whenever the site files below change, so cached Hugo sites are rewritten. */
export const HUGO_SITE_VERSION = 1;

/** Site files by path; `{{title}}` and `{{baseURL}}` are filled from the bench config. */
export const HUGO_SITE_FILES = Object.freeze({
  "hugo.toml": [
    'baseURL = "{{baseURL}}"',
    'title = "{{title}}"',
    'languageCode = "en"',
    'timeZone = "UTC"',
    'disableKinds = ["sitemap", "robotsTXT", "404", "section"]',
    "[taxonomies]",
    '  tag = "tags"',
    "[permalinks]",
    '  posts = "/:year/:month/:day/:filename/"',
    "[services.rss]",
    "  limit = 20",
    "",
  ].join("\n"),
  "layouts/_default/single.html": [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>',
    '<article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>',
    '{{ with .Params.image }}<figure><img src="{{ . }}" alt=""><figcaption>{{ $.Params.image_caption }} {{ $.Params.image_credit }}</figcaption></figure>{{ end }}',
    "{{ .Content }}",
    '<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>',
    "</article></body></html>",
    "",
  ].join("\n"),
  "layouts/_default/list.html": [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>',
    '<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>',
    "</body></html>",
    "",
  ].join("\n"),
  "layouts/index.html": [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title>',
    '{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}</head><body>',
    '<h1>{{ .Site.Title }}</h1><ul>{{ range first 20 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>',
    "</body></html>",
    "",
  ].join("\n"),
});

/**
 * Writes the Hugo site skeleton (config and layouts) into `site`; content is added by the caller.
 * @param {string} site
 * @param {{ title: string; siteUrl: string }} config
 */
export async function writeHugoSite(site, config) {
  for (const [file, template] of Object.entries(HUGO_SITE_FILES)) {
    const target = path.join(site, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, template.replaceAll("{{baseURL}}", config.siteUrl).replaceAll("{{title}}", config.title));
  }
}
