/**
 * Everything deriveFromText recognises, as data: chrome lines, credit labels, agencies,
 * date words and zones. Users extend these lists from the config (`textRules`), so a new
 * site's chrome or a new agency needs no code change.
 */
export interface TextRules {
  /** Whole lines that are site chrome, compared case-insensitively after trimming dashes, bullets and spaces. */
  chrome: string[];
  /** Regular expressions (source text, matched case-insensitively) for whole chrome lines. */
  chromePatterns: string[];
  /** Regular expressions for weather readings in a page header ("17.2 C", "Cloudy 12°"). */
  weatherPatterns: string[];
  /** Chrome lines after which the following short lines are related links, not article text. */
  relatedStarters: string[];
  /** Photo agencies and credit words; a credit is recognised when it names one. */
  agencies: string[];
  /** Labels that introduce a photo credit ("Photo:", "Photograph:", "Fot."). Matched case-insensitively. */
  creditLabels: string[];
  /** Labels that introduce the main photo's credit ("Main photo source:"). */
  mainCreditLabels: string[];
  /** Labels that introduce a caption ("Image caption,", "Pictured:"). */
  captionLabels: string[];
  /** Labels before a byline's name ("By", "Author:"). */
  bylineLabels: string[];
  /** Labels that mark the publication date. */
  publishedLabels: string[];
  /** Labels that mark the updated date. */
  updatedLabels: string[];
  /** Starts of editor's notes and corrections, which are never the lead. */
  editorNotePatterns: string[];
  /** Zone abbreviation -> fixed offset ("+02:00") or IANA zone name. Upper case keys. */
  timeZoneAbbreviations: Record<string, string>;
  /** Known site names, stripped from `Headline | Site` titles and never taken as the title. */
  siteNames: string[];
  /** How to read an all-numeric date such as 05/10/2021: null accepts only unambiguous ones. */
  numericDateOrder: "dmy" | "mdy" | null;
}

export const DEFAULT_TEXT_RULES: TextRules = {
  chrome: [
    "must read", "advertisement", "advertisment", "ad", "ads", "sponsored", "sponsored content", "promoted",
    "story continues below advertisement", "article continues below advertisement", "continue reading below",
    "continue reading the main story", "continue reading", "scroll to continue with content",
    "source link", "more articles", "latest article", "latest articles", "latest", "latest news",
    "related", "related articles", "related stories", "related posts", "related topics", "related content",
    "read more", "read next", "read also", "also read", "see also", "more on this story", "more stories",
    "you may also like", "you might also like", "recommended", "recommended for you", "most read", "most popular",
    "popular", "trending", "trending now", "top stories", "don't miss", "don’t miss", "editor's picks",
    "editor’s picks", "in case you missed it", "more from this author", "more news",
    "share", "share this", "share this article", "share this story", "share this post", "share article",
    "share on facebook", "share on twitter", "share on x", "share on linkedin", "share on whatsapp",
    "share via email", "tweet", "email", "e-mail", "whatsapp", "facebook", "twitter", "linkedin", "pinterest",
    "telegram", "reddit", "pin it", "copy link", "link copied", "copy url", "print", "print article", "save",
    "save article", "bookmark", "gift article", "listen", "listen to this article", "comments", "comment",
    "leave a comment", "leave a reply", "add comment", "view comments", "show comments", "post a comment",
    "join the conversation", "subscribe", "subscribe now", "sign up", "sign in", "log in", "login", "register",
    "my account", "newsletter", "sign up for our newsletter", "get our newsletter", "skip to content",
    "skip to main content", "skip to navigation", "jump to content", "menu", "main menu", "open menu",
    "close menu", "close", "toggle navigation", "navigation", "search", "home", "homepage", "back to top",
    "previous article", "next article", "previous post", "next post", "previous", "next", "loading",
    "loading...", "show more", "load more", "see more", "view more", "report an error", "report a correction",
    "accept", "accept all", "reject all", "manage cookies", "cookie settings", "i agree", "ok", "got it",
    "tags", "topics", "filed under", "categories", "category", "follow us", "contact us", "about us",
    "terms of use", "privacy policy", "cookie policy", "all rights reserved", "click to enlarge",
    "enlarge this image", "toggle caption", "hide caption", "image", "photo", "video", "watch", "gallery",
    "open gallery", "view gallery", "play video", "expand", "collapse", "reuse this content", "related topics",
    "explore more on these topics", "more on this topic", "more in this section", "other articles", "top",
    "skip advertisement", "share full article", "follow", "get started", "discussion about this post",
    "popular news", "recommended articles", "you may like", "no comments", "0 comments", "share this:", "like this:", "live tv", "audio", "listen",
    "related article", "related video", "more from cnn", "more from bbc",
  ],
  chromePatterns: [
    "^follow (us )?(on|at) .{1,60}$",
    "^share (on|via|to) .{1,40}$",
    "^(sign|signup|sign up) (up )?(for|to) .{0,80}$",
    "^subscribe (to|for|now|today) .{0,100}$",
    "^click here\\b.{0,120}$",
    "^tap here\\b.{0,120}$",
    "^(tags|tagged|topics|filed under|categories|keywords)\\s*[:|].{0,200}$",
    "^(reading time|read time|estimated reading time)\\s*:?\\s*\\d+.{0,20}$",
    "^\\d+\\s*(min|mins|minute|minutes)( read)?$",
    "^\\d+\\s*(comments?|shares?|views?)$",
    "^(comments|replies)\\s*\\(\\d+\\)$",
    "^(©|\\(c\\)|copyright\\b).{0,200}$",
    "^.{0,80}\\ball rights reserved\\.?$",
    "^(we|this (web)?site|our (web)?site) uses? cookies\\b.{0,400}$",
    "^.{0,200}\\b(cookies?|privacy policy|privacy settings|consent)\\b.{0,200}\\b(accept|agree|consent|settings|manage|policy)\\b.{0,200}$",
    "^by (clicking|continuing|using)\\b.{0,300}$",
    "^(image|photo|picture|slide) \\d+ (of|/) \\d+$",
    "^(advertisement|sponsored|promoted)\\s*[-–—:].{0,80}$",
    "^(read more|see also|also read|related|read next|more|watch|listen)\\s*[:|»›>-]\\s*.{0,200}$",
    "^(updated|published|posted)?\\s*\\d+\\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago$",
    "^(download|get) (our|the) (free )?app.{0,80}$",
    "^(listen to|watch) (this|the) (article|story|video).{0,40}$",
    "^this (article|story|content) (is|was) (only )?(available|for) (to )?subscribers.{0,80}$",
    "^(have|got) a (news )?tip\\b.{0,120}$",
    "^our standards\\s*:.{0,120}$",
    "^please (log ?in|sign in|register|subscribe|enable javascript)\\b.{0,160}$",
    "^(filed in|posted in|published in|category)\\s*:?\\s+[\\p{L}][\\p{L} &,-]{0,40}$",
    "^.{1,60}\\s[-–—|]\\s*(back to home|homepage|home)$",
    "^(home|start|main page|strona główna)\\s*[>»›/|].{0,200}$",
    "^[\\p{L}][\\p{L} &'-]{0,30}(\\s*[>»›]\\s*[\\p{L}][\\p{L} &'-]{0,30}){2,}$",
    "^(source|sources|via|h/t)\\s*:\\s*https?://\\S+$",
    "^(source|sources|via|źródło|zrodlo)\\s*:\\s*(\\S+\\s*){1,8}$",
    "^https?://\\S+$",
    "^\\d{1,3}\\s*/\\s*\\d{1,3}$",
    "^[\\p{L}][\\p{L} &'-]{0,25}(\\s+[/|]\\s+[\\p{L}][\\p{L} &'-]{0,25}){2,}$",
    "^(get|receive|join|sign up|subscribe|enter your e-?mail|never miss)\\b.{0,120}\\b(newsletter|inbox|e-?mail|updates|alerts)\\b.{0,60}$",
    "^(advertisement|advert|ad|sponsored)\\s*(\\(\\d+\\))?$",
    "^(this|the) (article|story|page) (is|was) (brought to you|sponsored|paid for)\\b.{0,120}$",
    "^(share|tweet|email|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|copy link|messenger)(\\s*[|•·,/]?\\s*(share|tweet|email|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|copy link|messenger|save|comments?))+$",
  ],
  weatherPatterns: [
    "^[-+−]?\\d{1,2}(?:[.,]\\d{1,2})?\\s*°?\\s*[CF]$",
    "^(?:[\\p{L}][\\p{L} ,.'-]{0,30}\\s)?[-+−]?\\d{1,2}(?:[.,]\\d)?\\s*°\\s*[CF]?(?:\\s*[\\p{L}][\\p{L} ,.'-]{0,30})?$",
    "^(?:sunny|cloudy|partly cloudy|overcast|rain|light rain|showers|snow|fog|clear|windy|storm|thunderstorms?)\\s*,?\\s*[-+−]?\\d{1,2}(?:[.,]\\d)?\\s*°?\\s*[CF]?$",
  ],
  relatedStarters: [
    "must read", "more articles", "latest article", "latest articles", "latest", "latest news", "related",
    "related articles", "related stories", "related posts", "related content", "read more", "read next",
    "read also", "also read", "see also", "more on this story", "more stories", "you may also like",
    "you might also like", "recommended", "recommended for you", "most read", "most popular", "popular",
    "trending", "trending now", "top stories", "don't miss", "don’t miss", "editor's picks", "editor’s picks",
    "in case you missed it", "more from this author", "more news", "related topics", "more on this topic",
    "comments", "leave a comment", "leave a reply", "join the conversation", "view comments", "show comments",
    "related article", "related video", "related link", "related links", "previous article", "next article",
    "previous post", "next post", "more from author", "more from the author", "recent posts", "recent articles",
    "popular posts", "popular articles", "latest posts", "read also:", "see also:", "discussion about this post",
    "popular news", "recommended articles", "recommended stories", "you may like", "more stories like this",
    "explore more on these topics", "more in this section", "more from", "other articles", "see more",
  ],
  agencies: [
    "Reuters", "AP", "AP Photo", "Associated Press", "Getty Images", "Getty", "AFP", "AFP via Getty Images",
    "EPA", "EPA-EFE", "EFE", "PAP", "Shutterstock", "Alamy", "Alamy Stock Photo", "Bloomberg", "PA", "PA Images",
    "PA Wire", "PA Media", "Xinhua", "TASS", "ANSA", "dpa", "picture alliance", "picture-alliance", "Anadolu",
    "Anadolu Agency", "NurPhoto", "SOPA Images", "LightRocket", "ZUMA", "ZUMA Press", "ZUMA Wire", "Unsplash",
    "Pexels", "Pixabay", "Wikimedia Commons", "Wikimedia", "Wikipedia", "iStock", "iStockphoto", "Forum",
    "East News", "Agencja Gazeta", "Reporter", "KPRM", "Imago", "Sipa", "Sipa USA", "Abaca", "Rex", "Rex Features",
    "Corbis", "Redux", "Polaris", "UPI", "Sputnik", "RIA Novosti", "Kyodo", "Yonhap", "CTK", "ČTK", "Ritzau",
    "TT", "NTB", "Lehtikuva", "Belga", "Keystone", "APA", "ANP", "Hollandse Hoogte", "Europa Press", "LaPresse",
    "Ukrinform", "UNIAN", "Handout", "Pool", "Pool Photo", "BBC", "CNN", "NASA", "The Canadian Press",
    "Canadian Press", "AAP", "Newscom", "WENN", "Splash News", "Backgrid", "Mirrorpix", "Camera Press",
    "Eyevine", "Panos", "Magnum Photos", "VII", "Alamy Live News", "Flickr", "Creative Commons", "CC BY",
    "CC BY-SA", "Public Domain", "Handout photo", "Instagram", "Twitter", "Facebook", "YouTube", "Telegram",
  ],
  creditLabels: [
    "photo source", "photo credit", "photo credits", "photos", "photo", "photograph", "photographs",
    "photography", "photography by", "photo by", "photos by", "photograph by", "photographed by", "pictures", "picture", "picture by",
    "pic", "pics", "image credit", "image credits", "image source", "image", "images", "image by", "credit",
    "credits", "source", "fot.", "fot", "foto", "fotografia", "zdjęcie", "zdj.", "photo courtesy of",
    "photo courtesy", "image courtesy of", "image courtesy", "courtesy of", "illustration", "illustration by",
    "photo illustration", "photo illustration by", "composite", "illustrative photo", "illustrative image",
    "illustration photo", "archive photo", "file photo", "photo archive", "image via", "photo via", "photos via", "picture by",
    "graphic", "video", "file photo",
  ],
  mainCreditLabels: [
    "main photo source", "main photo", "main image source", "main image", "main picture", "top photo",
    "top image", "featured image", "feature image", "featured photo", "header image", "header photo",
    "cover photo", "cover image", "lead image", "lead photo", "hero image", "main photo by", "cover photo by",
    "featured image by", "header image by", "header photo by", "top photo by", "main image by", "zdjęcie główne", "fot. główne",
  ],
  captionLabels: ["image caption", "photo caption", "picture caption", "caption", "pictured", "media caption"],
  bylineLabels: ["by", "author", "authors", "words by", "written by", "story by", "text by", "posted by",
    "reported by", "reporting by", "autor", "opinion by", "analysis by", "commentary by", "review by",
    "interview by", "contributed by", "compiled by", "edited by"],
  publishedLabels: ["published", "published on", "published at", "publication date", "posted", "posted on",
    "posted at", "date", "first published", "first published on", "released", "created", "opublikowano"],
  updatedLabels: ["updated", "updated on", "updated at", "last updated", "last updated on", "last modified",
    "modified", "modified on", "edited", "revised", "aktualizacja", "zaktualizowano"],
  editorNotePatterns: [
    "^editor['’]?s note\\b", "^editors['’]? note\\b", "^note to readers\\b", "^note:", "^correction\\b",
    "^clarification\\b", "^update\\s*[:(—–-]", "^updated\\s*[:—–-]", "^this (article|story|post|piece) (was|has been|is) (originally|first|updated|amended|corrected|adapted|republished|part of)\\b",
    "^this is a developing story\\b", "^this story (is|has been|was) developing\\b", "^(a version of )?this (article|story) (first )?appeared\\b",
    "^\\[?(disclosure|disclaimer)\\b", "^trigger warning\\b", "^warning: this (article|story)\\b",
  ],
  timeZoneAbbreviations: {
    UTC: "+00:00", GMT: "+00:00", Z: "+00:00", WET: "+00:00", WEST: "+01:00", BST: "+01:00", IST: "+05:30",
    CET: "+01:00", CEST: "+02:00", MET: "+01:00", MEST: "+02:00", EET: "+02:00", EEST: "+03:00", MSK: "+03:00",
    EST: "-05:00", EDT: "-04:00", CST: "-06:00", CDT: "-05:00", MST: "-07:00", MDT: "-06:00", PST: "-08:00",
    PDT: "-07:00", AKST: "-09:00", AKDT: "-08:00", HST: "-10:00", AST: "-04:00", ADT: "-03:00", NST: "-03:30",
    NDT: "-02:30", ET: "America/New_York", CT: "America/Chicago", MT: "America/Denver", PT: "America/Los_Angeles",
    JST: "+09:00", KST: "+09:00", HKT: "+08:00", SGT: "+08:00", AWST: "+08:00", ACST: "+09:30", ACDT: "+10:30",
    AEST: "+10:00", AEDT: "+11:00", NZST: "+12:00", NZDT: "+13:00", PKT: "+05:00", WIB: "+07:00", SAST: "+02:00",
    EAT: "+03:00", WAT: "+01:00", CAT: "+02:00", GST: "+04:00", TRT: "+03:00",
  },
  siteNames: [
    "BBC", "BBC News", "BBC Sport", "Reuters", "AP News", "Associated Press", "The Guardian", "Guardian",
    "The New York Times", "The Washington Post", "CNN", "Al Jazeera", "NPR", "Politico", "Euronews",
    "Deutsche Welle", "DW", "Sky News", "The Independent", "The Telegraph", "Financial Times", "Bloomberg",
    "Notes from Poland", "TVP World", "Polskie Radio", "TVN24", "Kyiv Independent", "The Hill", "Axios",
    "Fox News", "NBC News", "CBS News", "ABC News", "USA Today", "Daily Mail", "Mail Online", "The Times",
  ],
  numericDateOrder: null,
};

/** What a user may add from the config: each list is appended to the defaults, zones merged. */
export type TextRulesExtension = Partial<
  Omit<TextRules, "timeZoneAbbreviations" | "numericDateOrder"> & {
    timeZoneAbbreviations: Record<string, string>;
    numericDateOrder: "dmy" | "mdy" | null;
  }
>;

/**
 * Returns the defaults extended by a user's lists: list entries are appended (so defaults
 * stay on), zone abbreviations are merged (a user's entry wins), `numericDateOrder` replaces.
 */
export function mergeRules(defaults: TextRules, extension: TextRulesExtension | undefined): TextRules {
  if (!extension) return defaults;
  const merged: TextRules = { ...defaults };
  const listKeys = [
    "chrome", "chromePatterns", "weatherPatterns", "relatedStarters", "agencies", "creditLabels", "mainCreditLabels",
    "captionLabels", "bylineLabels", "publishedLabels", "updatedLabels", "editorNotePatterns", "siteNames",
  ] as const;
  for (const key of listKeys) {
    const extra = extension[key];
    if (extra && extra.length > 0) merged[key] = [...defaults[key], ...extra];
  }
  if (extension.timeZoneAbbreviations) {
    const upper = Object.fromEntries(
      Object.entries(extension.timeZoneAbbreviations).map(([key, value]) => [key.toUpperCase(), value]),
    );
    merged.timeZoneAbbreviations = { ...defaults.timeZoneAbbreviations, ...upper };
  }
  if (extension.numericDateOrder !== undefined) merged.numericDateOrder = extension.numericDateOrder;
  return merged;
}
