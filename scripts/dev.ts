import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { ensureLocalSetup } from "./local-setup";

/**
 * `npm run dev`: the portal and, unless it is pointed at a real NHS login, the local NHS login
 * simulator beside it. Ctrl+C stops both.
 */
ensureLocalSetup();
execFileSync(process.execPath, ["scripts/copy-nhsuk-assets.mjs"], { stdio: "inherit" });
execFileSync(process.execPath, ["scripts/nhsuk-stylesheet.mjs"], { stdio: "inherit" });
const useSimulator =
  (process.env.NHS_LOGIN_ENV ?? "local") === "local" && !process.env.NHS_LOGIN_ISSUER;

const children: ChildProcess[] = [];
function run(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: "inherit", env: process.env });
  child.on("exit", (code) => {
    for (const other of children) if (other !== child) other.kill("SIGTERM");
    process.exitCode = code ?? 1;
  });
  children.push(child);
}

if (useSimulator) run("npx", ["tsx", "simulator/main.ts"]);
run("npx", ["next", "dev", ...process.argv.slice(2)]);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
