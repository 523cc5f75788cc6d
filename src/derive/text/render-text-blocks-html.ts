import { forgetSafeHtml, rememberSafeHtml } from "../../render/known-safe-html.js";
import { escapeSanitizedText } from "../../render/sanitized-escapes.js";
import type { TextBlock } from "./types.js";

/**
 * Renders derived body blocks as escaped HTML: `<p>`, `<h2>`, and figures as
 * `<figure><figcaption>caption <small class="credit">credit</small></figcaption></figure>`.
 * `renderInline` renders a paragraph's or heading's text (default: escape it); pass an
 * inline Markdown renderer for Markdown files.
 */
export function renderTextBlocksHtml(blocks: readonly TextBlock[], renderInline: (text: string) => string = escapeHtml): string {
  const html = blocksHtml(blocks, renderInline, escapeHtml);
  // Only escaped text and fixed markup, no URLs: sanitizeContent may write it again as
  // sanitize-html would (known-safe-html.ts). Inline Markdown may hold raw HTML: not vouched for.
  if (renderInline === escapeHtml) {
    const safe = blocksHtml(blocks, escapeSanitizedText, escapeSanitizedText);
    rememberSafeHtml(html, () => safe);
  } else {
    forgetSafeHtml();
  }
  return html;
}

function blocksHtml(blocks: readonly TextBlock[], renderInline: (text: string) => string, escapeCaption: (text: string) => string): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p>${renderInline(block.text)}</p>`;
        case "heading":
          return `<h2>${renderInline(block.text)}</h2>`;
        case "figure": {
          const parts: string[] = [];
          if (block.caption !== null) parts.push(escapeCaption(block.caption));
          if (block.credit !== null) parts.push(`<small class="credit">${escapeCaption(block.credit)}</small>`);
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
