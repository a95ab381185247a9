/**
 * Runs after `next build` (postbuild): records beside the standalone server where the pages
 * still hold "[To fill in: …]" placeholders, for the go-live guard (lib/go-live), which has no
 * sources to look at when it starts.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { TEMPLATE_CONTENT_FILE, type TemplateContent } from "../lib/go-live/template-content";

/** The folders whose components render pages; the component that marks a placeholder is not one. */
const PAGE_SOURCES = ["app", "components"];
const PLACEHOLDER_COMPONENT = "components/placeholder.tsx";

/** Every `<Placeholder>` in the pages' sources under `root`, as `file:line`. */
export function findPlaceholders(root: string): string[] {
  const places: string[] = [];
  for (const folder of PAGE_SOURCES) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      const path = relative(root, join(entry.parentPath, entry.name));
      if (!entry.isFile() || !/\.tsx$/.test(path) || /\.test\.tsx$/.test(path)) continue;
      if (path === PLACEHOLDER_COMPONENT) continue;
      readFileSync(join(root, path), "utf8")
        .split("\n")
        .forEach((line, index) => {
          if (/<Placeholder\b/.test(line)) places.push(`${path}:${index + 1}`);
        });
    }
  }
  return places.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const content: TemplateContent = { placeholders: findPlaceholders(".") };
  writeFileSync(
    join(".next", "standalone", TEMPLATE_CONTENT_FILE),
    JSON.stringify(content, null, 2),
  );
  console.log(
    `Recorded ${content.placeholders.length} "[To fill in: …]" placeholders in .next/standalone/${TEMPLATE_CONTENT_FILE}`,
  );
}
