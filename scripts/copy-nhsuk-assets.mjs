// Serves nhsuk-frontend's favicons, manifest and images from /assets, as its templates expect.
// Its stylesheet reaches pages through the bundler instead (scripts/nhsuk-stylesheet.mjs).
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve("nhsuk-frontend/package.json")), "dist", "nhsuk");
const target = join(root, "public", "assets");

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(join(dist, "assets"), target, { recursive: true });
