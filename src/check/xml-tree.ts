import { SaxesParser } from "saxes";

/** An element of a parsed feed: qualified name, namespace URI, attributes by qualified name, children, own text. */
export interface XmlElementNode {
  name: string;
  local: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElementNode[];
  text: string;
}

/**
 * Parses XML strictly and namespace-aware (saxes): any well-formedness or namespace error
 * throws an Error whose message says where (`line 3, column 7: ...`).
 */
export function parseXmlTree(xml: string): XmlElementNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElementNode[] = [];
  let root: XmlElementNode | undefined;
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, attribute] of Object.entries(tag.attributes)) {
      attributes[key] = typeof attribute === "string" ? attribute : attribute.value;
    }
    const node: XmlElementNode = { name: tag.name, local: tag.local ?? tag.name, uri: tag.uri ?? "", attributes, children: [], text: "" };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  const addText = (text: string): void => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new Error(failure.message.replace(/^undefined:/, "line ").replace(/^(\d+):(\d+): /, "line $1, column $2: "));
  if (!root) throw new Error("the document has no root element");
  return root;
}

/** Direct children of `node` with the given namespace URI and local name. */
export function childElements(node: XmlElementNode, uri: string, local: string): XmlElementNode[] {
  return node.children.filter((child) => child.uri === uri && child.local === local);
}

/** Trimmed text of the first such child, or undefined when there is none. */
export function childText(node: XmlElementNode, uri: string, local: string): string | undefined {
  return childElements(node, uri, local)[0]?.text.trim();
}
