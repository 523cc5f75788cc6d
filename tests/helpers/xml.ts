import { SaxesParser } from "saxes";

export interface XmlNodeTree {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNodeTree[];
  text: string;
}

/**
 * Parses XML strictly and namespace-aware (saxes): any well-formedness or namespace error
 * throws. Returns a small element tree; `text` holds an element's own text and CDATA.
 */
export function parseXmlStrict(xml: string): XmlNodeTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNodeTree[] = [];
  let root: XmlNodeTree | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, attribute] of Object.entries(tag.attributes)) {
      attributes[key] = typeof attribute === "string" ? attribute : attribute.value;
    }
    const node: XmlNodeTree = { name: tag.name, uri: tag.uri ?? "", attributes, children: [], text: "" };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on("text", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("cdata", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

/** Direct children of `node` with the given qualified name. */
export function childrenNamed(node: XmlNodeTree, name: string): XmlNodeTree[] {
  return node.children.filter((child) => child.name === name);
}

/** The text of the first direct child with the given qualified name, trimmed. */
export function childText(node: XmlNodeTree, name: string): string | undefined {
  return childrenNamed(node, name)[0]?.text.trim();
}
