import { escapeXml } from "./xml-safe.js";

/** An XML element as data: name, attributes (undefined ones are left out) and children. */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: XmlNode[];
}

/** A child: an element, escaped text, or HTML carried as escaped text (never raw markup). */
export type XmlNode = XmlElement | string | undefined | null | false;

/** Shorthand for an element; falsy children are dropped so optional parts read naturally. */
export function el(name: string, attributes: Record<string, string | undefined> = {}, ...children: XmlNode[]): XmlElement {
  return { name, attributes, children };
}

/**
 * Serialises a document: an XML declaration, optional processing instructions, the root.
 * Every attribute value and text node is escaped and stripped of characters XML 1.0
 * forbids, so the result is well-formed whatever the input text holds. Elements with only
 * text stay on one line; others are indented by two spaces, so diffs stay readable.
 */
export function serializeXml(root: XmlElement, instructions: string[] = []): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', ...instructions];
  writeElement(root, 0, lines);
  return `${lines.join("\n")}\n`;
}

function writeElement(element: XmlElement, depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const children = (element.children ?? []).filter(
    (child): child is XmlElement | string => (typeof child === "string" && child !== "") || (typeof child === "object" && child !== null),
  );
  if (children.length === 0) {
    lines.push(`${indent}<${element.name}${attributes}/>`);
  } else if (children.every((child) => typeof child === "string")) {
    lines.push(`${indent}<${element.name}${attributes}>${children.map((text) => escapeXml(text as string)).join("")}</${element.name}>`);
  } else {
    lines.push(`${indent}<${element.name}${attributes}>`);
    for (const child of children) {
      if (typeof child === "string") lines.push(`${indent}  ${escapeXml(child)}`);
      else writeElement(child, depth + 1, lines);
    }
    lines.push(`${indent}</${element.name}>`);
  }
}
