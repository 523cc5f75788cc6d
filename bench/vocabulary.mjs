// @ts-check
/**
 * Word lists the synthetic corpus is made from. Data, not code: change a list to change the corpus
 * (and bump GENERATOR_VERSION in generate-corpus.mjs so cached corpora are rebuilt).
 */

/** About 200 tags, most used first: the generator draws them with Zipf-like weights by position. */
export const TAGS = Object.freeze([
  "politics", "technology", "europe", "economy", "world", "business", "science", "health", "sports", "culture",
  "climate", "security", "elections", "energy", "markets", "russia", "ukraine", "usa", "china", "germany",
  "poland", "france", "united-kingdom", "nato", "european-union", "defence", "diplomacy", "finance", "inflation", "banking",
  "software", "open-source", "javascript", "typescript", "nodejs", "rust", "python", "linux", "databases", "cloud",
  "artificial-intelligence", "machine-learning", "privacy", "cybersecurity", "startups", "education", "transport", "aviation", "railways", "cars",
  "electric-vehicles", "space", "astronomy", "physics", "biology", "medicine", "covid-19", "vaccines", "mental-health", "food",
  "agriculture", "environment", "oceans", "wildlife", "forests", "water", "weather", "storms", "floods", "wildfires",
  "housing", "cities", "urban-planning", "architecture", "history", "archaeology", "books", "literature", "film", "television",
  "music", "theatre", "art", "photography", "design", "fashion", "travel", "tourism", "football", "tennis",
  "cycling", "athletics", "olympics", "basketball", "ice-hockey", "chess", "gaming", "esports", "media", "journalism",
  "law", "courts", "human-rights", "migration", "labour", "unions", "pensions", "taxes", "trade", "supply-chains",
  "shipping", "oil", "gas", "nuclear", "renewables", "solar", "wind-power", "batteries", "semiconductors", "telecoms",
  "5g", "internet", "social-media", "web", "css", "html", "accessibility", "performance", "testing", "devops",
  "kubernetes", "containers", "git", "editors", "command-line", "rss", "static-sites", "hugo", "jekyll", "markdown",
  "typography", "fonts", "maps", "open-data", "statistics", "research", "universities", "schools", "children", "families",
  "religion", "philosophy", "ethics", "psychology", "sociology", "demographics", "ageing", "crime", "police", "terrorism",
  "afghanistan", "middle-east", "africa", "asia", "latin-america", "india", "japan", "korea", "turkey", "baltics",
  "nordics", "finland", "sweden", "norway", "denmark", "netherlands", "belgium", "spain", "italy", "greece",
  "portugal", "austria", "switzerland", "czechia", "slovakia", "hungary", "romania", "bulgaria", "balkans", "canada",
  "australia", "new-zealand", "brazil", "mexico", "argentina", "interviews", "opinion", "analysis", "explainers", "long-reads",
]);

export const FIRST_NAMES = Object.freeze([
  "Anna", "Piotr", "Maria", "Tomasz", "Jane", "John", "Olivia", "Liam", "Sofia", "Noah",
  "Eva", "Mateusz", "Katarzyna", "David", "Elena", "Marco", "Ingrid", "Lars", "Aino", "Mikko",
  "Fatima", "Omar", "Yuki", "Hiro", "Chloe", "Lucas", "Amara", "Kofi", "Sara", "Jonas",
]);

export const LAST_NAMES = Object.freeze([
  "Kowalska", "Nowak", "Smith", "Doe", "Garcia", "Müller", "Rossi", "Virtanen", "Johansson", "Dubois",
  "Okafor", "Tanaka", "Silva", "Novák", "Horvat", "Jensen", "Petrov", "Haddad", "O'Brien", "Lee",
  "Wiśniewski", "Zieliński", "Kim", "Costa", "Meyer", "Lindqvist", "Moreau", "Kaya", "Ivanova", "Byrne",
]);

/** Photo agencies, as they appear upper-cased after a photographer's name. */
export const AGENCIES = Object.freeze([
  "REUTERS", "AP", "AFP", "EPA", "PAP", "GETTY IMAGES", "BLOOMBERG", "ANADOLU", "EPA / PAP", "AFP / EAST NEWS",
]);

/** Common words for running text; nouns, verbs and adjectives mixed so sentences read plausibly. */
export const WORDS = Object.freeze([
  "the", "a", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by", "at", "from",
  "government", "minister", "report", "city", "country", "people", "year", "week", "plan", "budget",
  "council", "market", "company", "project", "school", "hospital", "river", "bridge", "station", "court",
  "system", "network", "server", "release", "version", "feature", "bug", "team", "user", "page",
  "data", "file", "build", "cache", "feed", "article", "story", "photo", "caption", "credit",
  "said", "announced", "reported", "argued", "showed", "found", "expected", "planned", "opened", "closed",
  "raised", "cut", "approved", "rejected", "signed", "launched", "tested", "measured", "changed", "fixed",
  "new", "old", "large", "small", "public", "private", "local", "national", "early", "late",
  "quick", "slow", "careful", "open", "final", "first", "second", "last", "major", "minor",
  "important", "difficult", "simple", "recent", "annual", "regional", "digital", "common", "rare", "strong",
  "after", "before", "during", "while", "because", "although", "despite", "over", "under", "between",
  "about", "against", "without", "within", "across", "towards", "since", "until", "around", "through",
  "also", "still", "again", "already", "often", "rarely", "mostly", "nearly", "only", "even",
  "officials", "residents", "engineers", "analysts", "voters", "workers", "students", "doctors", "readers", "editors",
  "agreement", "decision", "meeting", "election", "vote", "talks", "protest", "strike", "storm", "season",
  "price", "cost", "rate", "share", "growth", "loss", "profit", "tax", "fund", "loan",
  "morning", "evening", "summer", "winter", "spring", "autumn", "decade", "century", "month", "day",
]);

/** Words for headlines: heavier on nouns and verbs than running text. */
export const HEADLINE_WORDS = Object.freeze([
  "Council", "Approves", "Budget", "Minister", "Warns", "Markets", "Rally", "Storm", "Hits", "Coast",
  "Talks", "Stall", "Over", "Energy", "Prices", "Rise", "Again", "Engineers", "Fix", "Old",
  "Bridge", "Study", "Finds", "Link", "Between", "Sleep", "Memory", "City", "Opens", "New",
  "Station", "Court", "Blocks", "Plan", "Voters", "Reject", "Reform", "Team", "Ships", "Release",
  "Version", "Drops", "Legacy", "Support", "Why", "How", "Faster", "Builds", "Matter", "Notes",
  "On", "Writing", "Feeds", "Without", "Server", "Generals", "Meet", "Helsinki", "Border", "Crossing",
  "Reopens", "Strike", "Ends", "Pay", "Deal", "Farmers", "Protest", "Imports", "Record", "Heat",
  "Summer", "Winter", "Flood", "Defences", "Tested", "Rail", "Line", "Delayed", "Again", "Schools",
  "Hospital", "Waiting", "Times", "Fall", "Tax", "Changes", "Explained", "Inside", "The", "Race",
  "Future", "Of", "Local", "News", "Photo", "Archive", "Found", "Century", "Lost", "Map",
]);

/** Code fences: language tag and a few plausible lines. */
export const CODE_SNIPPETS = Object.freeze([
  { lang: "js", lines: ["const items = await loadItems(dir);", "for (const item of items) {", "  console.log(item.title);", "}"] },
  { lang: "ts", lines: ["export function slugify(title: string): string {", "  return title.toLowerCase().replace(/[^a-z0-9]+/g, \"-\");", "}"] },
  { lang: "sh", lines: ["npm ci", "npm run build", "ls -la out/"] },
  { lang: "python", lines: ["def total(prices):", "    return sum(p for p in prices if p > 0)"] },
  { lang: "rust", lines: ["fn main() {", "    let args: Vec<String> = std::env::args().collect();", "    println!(\"{:?}\", args);", "}"] },
  { lang: "", lines: ["$ feedwright build --quiet", "published 20 items"] },
]);

export const LINK_DOMAINS = Object.freeze([
  "https://example.org", "https://example.com/news", "https://docs.example.net", "https://en.wikipedia.org/wiki",
  "https://blog.example.io", "https://data.example.gov",
]);

/** Caption subjects for photos in raw-text articles and front-matter images. */
export const CAPTION_SUBJECTS = Object.freeze([
  "Protesters outside the parliament building", "The harbour at dawn", "Firefighters at the scene",
  "The minister during a press conference", "Commuters at the central station", "A flooded street in the old town",
  "Delegates before the summit", "Workers on the new bridge", "Fans celebrating after the final whistle",
  "The damaged roof of the school", "Farmers blocking the motorway", "Volunteers sorting donations",
]);

/** The weekday and month names a scraped news page prints its date with. */
export const WEEKDAYS = Object.freeze(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
export const MONTHS = Object.freeze([
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
]);

/** Site chrome that scraped pages carry around the article text. */
export const RAW_TEXT_CHROME = Object.freeze({
  advertisement: "- Advertisement -",
  mainPhotoSource: "Main photo source:",
  before: ["Must read", "Top stories"],
  after: ["Source link", "More articles", "Latest article"],
});

/** Time zone offsets front matter dates are written with (besides none and Z). */
export const ZONE_OFFSETS = Object.freeze(["+01:00", "+02:00", "-05:00", "-04:00", "+09:00", "+05:30", "+00:00"]);
