import type { ImageCredit } from "../../article.js";
import type { Classified } from "./classified.js";

/** Every caption/credit pair once, in order; the main photo's credit added when no pair has it. */
export function collectCredits(classified: Classified[]): { imageCredits: ImageCredit[]; mainImageCredit: string | null } {
  const imageCredits: ImageCredit[] = [];
  const seen = new Set<string>();
  let labelledMain: string | null = null;
  let firstCredit: string | null = null;
  const figures = classified.flatMap((item) => (item.cls.kind === "figure" && !item.related ? [item.cls.figure] : []));
  for (const figure of figures) {
    if (figure.credit === null) continue;
    if (figure.main) labelledMain ??= figure.credit;
    else firstCredit ??= figure.credit;
  }
  const creditsWithCaption = new Set(figures.filter((f) => !f.main && f.credit !== null).map((f) => f.credit));
  for (const figure of figures) {
    if (figure.credit === null) continue;
    if (figure.main && creditsWithCaption.has(figure.credit)) continue;
    const key = `${figure.caption ?? ""}\u0000${figure.credit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    imageCredits.push({ caption: figure.caption, credit: figure.credit });
  }
  return { imageCredits, mainImageCredit: labelledMain ?? firstCredit };
}
