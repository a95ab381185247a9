/**
 * What the build records about the words this reference ships with, for the go-live guard: where
 * the pages still hold "[To fill in: …]" placeholders (components/placeholder.tsx). The server has
 * no sources to look at, so `npm run build` writes this beside `server.js`
 * (scripts/record-template-content.ts), and the server reads it from its own folder.
 */
import { z } from "zod";

export const TEMPLATE_CONTENT_FILE = "template-content.json";

/** The service name this reference ships with, in the header and every page title. */
export const TEMPLATE_SERVICE_NAME = "Patient portal";

const templateContentSchema = z.object({
  /** Each placeholder left, as `file:line`. */
  placeholders: z.array(z.string()),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;

/** The record, or undefined if there is none (a build not made by `npm run build`) or it is unreadable. */
export function readTemplateContent(
  readFile: (path: string) => string,
): TemplateContent | undefined {
  try {
    return templateContentSchema.parse(JSON.parse(readFile(TEMPLATE_CONTENT_FILE)));
  } catch {
    return undefined;
  }
}
