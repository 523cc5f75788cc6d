import { parseXmlTree, type XmlElementNode } from "../../src/check/xml-tree.js";

/**
 * Strict, namespace-aware XML parsing for tests: saxes through the same small tree builder
 * `feedwright check` uses (src/check/xml-tree.ts). Any well-formedness or namespace error throws.
 */
export type XmlNodeTree = XmlElementNode;
export const parseXmlStrict: (xml: string) => XmlNodeTree = parseXmlTree;

/** Direct children of `node` with the given qualified name (prefix:local as written). */
export function childrenNamed(node: XmlNodeTree, name: string): XmlNodeTree[] {
  return node.children.filter((child) => child.name === name);
}

/** The text of the first direct child with the given qualified name, trimmed. */
export function childText(node: XmlNodeTree, name: string): string | undefined {
  return childrenNamed(node, name)[0]?.text.trim();
}
