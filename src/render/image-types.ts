/** MIME types of image files by extension, for Media RSS `type` (left out when unknown, never guessed). */
export const IMAGE_TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** The MIME type of an image URL from its path's extension, or undefined. */
export function imageType(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return extension ? IMAGE_TYPES_BY_EXTENSION[extension] : undefined;
}
