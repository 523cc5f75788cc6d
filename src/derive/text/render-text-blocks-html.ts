import type { TextBlock } from "./types.js";

/**
 * Renders derived body blocks as escaped HTML: `<p>`, `<h2>`, and figures as
 * `<figure><figcaption>caption <small class="credit">credit</small></figcaption></figure>`.
 */
export function renderTextBlocksHtml(blocks: readonly TextBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p>${escapeHtml(block.text)}</p>`;
        case "heading":
          return `<h2>${escapeHtml(block.text)}</h2>`;
        case "figure": {
          const parts: string[] = [];
          if (block.caption !== null) parts.push(escapeHtml(block.caption));
          if (block.credit !== null) parts.push(`<small class="credit">${escapeHtml(block.credit)}</small>`);
          return `<figure><figcaption>${parts.join(" ")}</figcaption></figure>`;
        }
      }
    })
    .join("\n");
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
