// Builds the packed simulator: plain JavaScript in dist/, with NHS login's shared vocabulary
// (a workspace package that is not published) bundled in, every registry dependency left to be
// installed beside it, and the NHS App stand-in's browser script copied as it is.
import { cpSync, readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const here = new URL(".", import.meta.url);
const { dependencies } = JSON.parse(readFileSync(new URL("package.json", here), "utf8"));
const outdir = new URL("dist", here).pathname;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: here.pathname,
  entryPoints: ["main.ts", "index.ts"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: Object.keys(dependencies),
  logLevel: "warning",
});
// The NHS App stand-in is a browser script, served as it is (nhs-app-script.ts reads it).
cpSync(new URL("nhs-app", here), new URL("dist/nhs-app", here), { recursive: true });
