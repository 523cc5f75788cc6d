import type { UnitClass } from "./classify-unit.js";
import type { TextUnit } from "./types.js";

/** A unit with its class and, once context is known, its role in the article. */
export interface Classified {
  unit: TextUnit;
  cls: UnitClass;
  /** Inside a related-links list: never title, lead, body or date. */
  related: boolean;
}
