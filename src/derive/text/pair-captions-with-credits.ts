import type { Classified } from "./classified.js";

/**
 * A credit line next to a caption line becomes one figure: "Image source, Getty Images" +
 * "Image caption, Protesters ...", or a short caption line followed by "Photo: X" in the same chunk.
 */
export function pairCaptionsWithCredits(classified: Classified[]): void {
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
