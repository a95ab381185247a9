import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { STANDALONE_SERVER } from "./standalone-server";

/** What `npm run build` reads: a change to any of these makes a build out of date. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "packages",
  "public",
  "scripts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/**
 * Written from nhsuk-frontend by `npm run dev` and by the build itself: not sources.
 */
const GENERATED = [join("public", "assets"), join("app", "nhsuk-frontend.generated.css")];

function newestChange(root: string, path: string): number {
  if (GENERATED.includes(path)) return 0;
  let stats;
  try {
    stats = statSync(join(root, path));
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  // A folder's own time is when an entry was added, removed or renamed in it: it counts unless
  // the folder also holds what npm or the build write.
  const names = readdirSync(join(root, path));
  const holdsWritten =
    names.includes("node_modules") || GENERATED.some((generated) => dirname(generated) === path);
  return Math.max(
    holdsWritten ? 0 : stats.mtimeMs,
    ...names
      .filter((name) => name !== "node_modules")
      .map((name) => newestChange(root, join(path, name))),
  );
}

/** Why `root` needs `npm run build` before its production server runs, or undefined if it does not. */
export function whyBuild(root = "."): string | undefined {
  let built: number;
  try {
    built = statSync(join(root, STANDALONE_SERVER)).mtimeMs;
  } catch {
    return "there is no production build yet";
  }
  const changed = BUILD_INPUTS.find((input) => newestChange(root, input) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}
