import { execFileSync } from "node:child_process";
import { envFiles } from "./env-files";
import { ensureLocalSetup, usesLocalSimulator } from "./local-setup";
import { runTogether, SIMULATOR } from "./run-together";

/**
 * `npm run dev`: the portal and, unless it is pointed at a real NHS login, the local NHS login
 * simulator beside it. Ctrl+C stops both.
 */
const env = { ...envFiles("development"), ...process.env };
ensureLocalSetup(env);
execFileSync(process.execPath, ["scripts/copy-nhsuk-assets.mjs"], { stdio: "inherit" });
execFileSync(process.execPath, ["scripts/nhsuk-stylesheet.mjs"], { stdio: "inherit" });
const nextDev = { command: "npx", args: ["next", "dev", ...process.argv.slice(2)] };
runTogether(usesLocalSimulator(env) ? [SIMULATOR, nextDev] : [nextDev]);
