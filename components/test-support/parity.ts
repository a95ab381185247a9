import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import nunjucks from "nunjucks";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";

const frontendDist = join(
  dirname(createRequire(import.meta.url).resolve("nhsuk-frontend/package.json")),
  "dist",
);

// Same whitespace options as nhsuk-frontend's own Nunjucks environment.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(frontendDist), {
  autoescape: true,
  trimBlocks: true,
  lstripBlocks: true,
});

const macroName = (component: string) =>
  component.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Renders an nhsuk-frontend component macro, e.g. `renderMacro("back-link", { href: "/" })`. */
export function renderMacro(component: string, params: object): string {
  const name = macroName(component);
  return env.renderString(
    `{% from "nhsuk/components/${component}/macro.njk" import ${name} %}{{ ${name}(params) }}`,
    { params },
  );
}

/** Asserts that our component renders the same markup as the macro given `params`. */
export function expectParity(element: ReactElement, component: string, params: object): void {
  const expected = normaliseHtml(renderMacro(component, params));
  expect(expected).not.toBe("");
  expect(normaliseHtml(renderToStaticMarkup(element))).toBe(expected);
}

/**
 * Canonical form of an HTML fragment, one node per line, so that two fragments compare equal
 * exactly when they differ only in formatting: attribute order and quoting, class order,
 * whitespace inside attribute values, void vs self-closing tags, entity encoding, comments,
 * and indentation. Whitespace that contains a line break at the edge of a text node is treated
 * as indentation and dropped; a run of spaces without a line break is kept as one space, because
 * templates only put those where they are meant (e.g. "Information: " before content).
 *
 * Needs a DOM: run tests that use it with `// @vitest-environment jsdom`.
 */
export function normaliseHtml(html: string): string {
  if (typeof document === "undefined") {
    throw new Error("normaliseHtml needs a DOM: add `// @vitest-environment jsdom` to the test");
  }
  const template = document.createElement("template");
  template.innerHTML = html;
  removeComments(template.content);
  template.content.normalize();
  return canonicalChildren(template.content, 0).join("\n");
}

function removeComments(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

function canonicalChildren(parent: Node, depth: number): string[] {
  return Array.from(parent.childNodes).flatMap((node) => canonicalNode(node, depth));
}

function canonicalNode(node: Node, depth: number): string[] {
  const indent = "  ".repeat(depth);
  if (node.nodeType === node.TEXT_NODE) {
    const text = canonicalText(node.textContent ?? "");
    return text === "" ? [] : [`${indent}${JSON.stringify(text)}`];
  }
  if (node.nodeType !== node.ELEMENT_NODE) return [];
  const element = node as Element;
  const tag = element.localName;
  const attributes = Array.from(element.attributes)
    .map((attribute) => ({ name: attribute.name, value: canonicalValue(attribute) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, value }) => ` ${name}=${JSON.stringify(value)}`)
    .join("");
  return [
    `${indent}<${tag}${attributes}>`,
    ...canonicalChildren(element, depth + 1),
    `${indent}</${tag}>`,
  ];
}

function canonicalValue(attribute: Attr): string {
  const value = attribute.value.replace(/\s+/g, " ").trim();
  return attribute.name === "class" ? value.split(" ").sort().join(" ") : value;
}

function canonicalText(text: string): string {
  return text.replace(/^\s*\n\s*|\s*\n\s*$/g, "").replace(/\s+/g, " ");
}
