export { watchForChanges, DEFAULT_DEBOUNCE_MS, type WatchOptions, type Watch } from "./watch-articles.js";
export { isIgnoredFileName, IGNORED_FILE_NAME_PATTERNS } from "./ignored-paths.js";
export { rebuildOnChange, describeChanges, type RebuildOnChangeOptions } from "./rebuild-on-change.js";
export { startBuildWatch, type BuildWatchOptions } from "./start-build-watch.js";
export { watchPathsFor, insideFolder } from "./watch-paths.js";
