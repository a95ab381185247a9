// Serves nhsuk-frontend's stylesheet, favicons and manifest from /assets, as its templates
// expect. A plain file keeps the stylesheet out of the bundler (Turbopack cannot parse it),
// and its versioned name lets browsers cache it for good.
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("nhsuk-frontend/package.json"));
const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"));
const dist = join(packageRoot, "dist", "nhsuk");
const target = join(root, "public", "assets");

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(join(dist, "assets"), target, { recursive: true });
cpSync(
  join(dist, `nhsuk-frontend-${version}.min.css`),
  join(target, `nhsuk-frontend-${version}.min.css`),
);
