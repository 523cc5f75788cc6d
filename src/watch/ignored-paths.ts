import path from "node:path";

/**
 * File names a watcher should not react to: editors' swap and backup files,
 * temporary files (including feedwright's own atomic-write temporaries) and
 * dotfiles. Matched against the last path segment only.
 */
export const IGNORED_FILE_NAME_PATTERNS: readonly RegExp[] = [
  /^\./, // dotfiles and dot-folders: .git, .DS_Store, vim's .name.swp, feedwright's .lock
  /~$/, // backup files (emacs, gedit, nano)
  /^#.*#$/, // emacs auto-save
  /\.sw[a-p]$/i, // vim swap files when not hidden (:set directory)
  /\.sw[x]$/i,
  /^4913$/, // vim's write-permission probe file
  /\.(tmp|temp|bak|orig|rej|part|crdownload|download)$/i,
  /\.tmp[-.][^/]*$/i, // atomic-write temporaries such as "rss.xml.tmp-1234"
  /^~\$/, // office lock files
  /^Thumbs\.db$/i,
];

/** Returns true when a path's file name marks it as a temporary, swap, backup or hidden file. */
export function isIgnoredFileName(filePath: string): boolean {
  const name = path.basename(filePath);
  return IGNORED_FILE_NAME_PATTERNS.some((pattern) => pattern.test(name));
}
