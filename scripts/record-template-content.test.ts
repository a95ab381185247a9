import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPlaceholders } from "./record-template-content";

function sources(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "template-content-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("the placeholders the build records", () => {
  it("are every <Placeholder> in the pages' components, by file and line", () => {
    const root = sources({
      "app/privacy/page.tsx": "<p>\n  Run by <Placeholder>who</Placeholder>.\n</p>\n",
      "app/terms/page.tsx": "<p>Finished words.</p>\n",
      "components/contact.tsx": "<Placeholder>\n  a phone number\n</Placeholder>\n",
      "components/placeholder.tsx":
        "export function Placeholder() {}\n<Placeholder>x</Placeholder>",
      "components/contact.test.tsx": "render(<Placeholder>x</Placeholder>)\n",
    });
    expect(findPlaceholders(root)).toEqual(["app/privacy/page.tsx:2", "components/contact.tsx:1"]);
  });

  it("are found in this template's legal pages as it ships", () => {
    const places = findPlaceholders(".");
    expect(places).toContainEqual(expect.stringMatching(/^app\/accessibility\/page\.tsx:\d+$/));
    expect(places).toContainEqual(expect.stringMatching(/^app\/privacy\/page\.tsx:\d+$/));
  });
});
