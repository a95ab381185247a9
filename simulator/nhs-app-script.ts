/**
 * The stand-in for the NHS App's JavaScript API that the simulator serves, read once: a plain
 * browser script beside this module (copied beside the packed simulator's code by build.mjs).
 */
import { readFileSync } from "node:fs";

/** Where the simulator serves it, on its own origin (the portal's local NHS_APP_JS_URL). */
export const NHS_APP_SCRIPT_PATH = "/nhs-app/js/v2/nhsapp.js";

let script: string | undefined;

export function nhsAppScript(): string {
  script ??= readFileSync(new URL("./nhs-app/nhsapp.js", import.meta.url), "utf8");
  return script;
}
