import type { Classified } from "./classified.js";
import type { CompiledRules } from "./compile-rules.js";

/**
 * A credit line next to a caption line becomes one figure: "Image source, Getty Images" +
 * "Image caption, Protesters ...", or a short caption line followed by "Photo: X" in the same chunk.
 */
export function pairCaptionsWithCredits(classified: Classified[], rules: CompiledRules): void {
  joinCaptionLabels(classified, rules);
  for (let index = 0; index < classified.length; index += 1) {
    const item = classified[index]!;
    if (item.cls.kind !== "figure" || item.cls.figure.main) continue;
    const figure = item.cls.figure;
    const previous = classified[index - 1];
    const next = classified[index + 1];
    if (figure.caption === null && figure.credit !== null) {
      const partner = [previous, next].find(
        (other) => other?.cls.kind === "figure" && other.cls.figure.credit === null && other.cls.figure.caption !== null,
      );
      if (partner && partner.cls.kind === "figure") {
        partner.cls = { kind: "figure", figure: { ...partner.cls.figure, credit: figure.credit } };
        item.cls = { kind: "chrome" };
        continue;
      }
      if (
        previous &&
        previous.cls.kind === "text" &&
        previous.unit.chunk === item.unit.chunk &&
        previous.unit.text.length <= 300 &&
        !previous.related
      ) {
        previous.cls = { kind: "figure", figure: { caption: previous.unit.text, credit: figure.credit, main: false } };
        item.cls = { kind: "chrome" };
      }
    }
  }
}

/**
 * A caption label alone on its line, with the caption on the next ("Image caption," then
 * "People cooled off in fountains..."), as pages saved one element per line leave it:
 * the two become one caption figure, so a credit beside them can pair with it.
 */
function joinCaptionLabels(classified: Classified[], rules: CompiledRules): void {
  for (let index = 0; index < classified.length - 1; index += 1) {
    const item = classified[index]!;
    const next = classified[index + 1]!;
    if (item.cls.kind !== "text" || next.cls.kind !== "text" || next.unit.chunk !== item.unit.chunk) continue;
    // The label pattern wants text after it; a label alone on its line is tested with the next line added.
    const label = rules.captionLabelStart.exec(`${item.unit.text} x`);
    if (!label || `${item.unit.text} x`.slice(label[0].length) !== "x" || next.unit.text.length > 400) continue;
    item.cls = { kind: "figure", figure: { caption: next.unit.text, credit: null, main: false } };
    next.cls = { kind: "chrome" };
  }
}
