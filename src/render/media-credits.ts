import type { Article, ImageCredit } from "../article.js";

/** The Media RSS view of an article's images: the lead image with its caption and credit, and every other credit. */
export interface MediaCredits {
  lead: { url: string; caption: string | null; credit: string | null } | null;
  /** Credits not carried by the lead image, each once, in the article's order. */
  others: ImageCredit[];
}

/**
 * Splits an article's image credits for Media RSS: the lead image (already absolute, see
 * prepare-article.ts) carries its own caption and credit in `media:content`; every other
 * caption/credit pair, including a lead credit whose image has no URL, travels on the item.
 * Each pair appears once.
 */
export function mediaCredits(article: Article): MediaCredits {
  const lead = article.image ? { url: article.image.url, caption: article.image.caption, credit: article.image.credit } : null;
  const seen = new Set<string>();
  if (lead?.credit) seen.add(pairKey({ caption: lead.caption, credit: lead.credit }));
  const others: ImageCredit[] = [];
  for (const credit of article.imageCredits) {
    const key = pairKey(credit);
    if (seen.has(key)) continue;
    seen.add(key);
    others.push(credit);
  }
  return { lead, others };
}

function pairKey(credit: ImageCredit): string {
  return JSON.stringify([credit.caption ?? "", credit.credit]);
}
