import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { whyBuild } from "./build-state";
import { envFiles } from "./env-files";
import { ensureLocalSetup, usesLocalSimulator } from "./local-setup";
import { runTogether, SIMULATOR } from "./run-together";
import { standaloneServer } from "./standalone-server";

/**
 * `npm run preview`: the production build, served as deployed (the standalone server with
 * NODE_ENV=production), with the NHS login simulator beside it and the local settings that a
 * deployment would set explicitly. It builds first when there is no build or a source is newer.
 * `npm start` stays what a deployment runs, and names its NHS login itself.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: "3000" },
    hostname: { type: "string", short: "H", default: "127.0.0.1" },
    build: { type: "boolean", default: false },
  },
});

/** The production server's settings: the environment, then this checkout's .env files. */
const settings = (): NodeJS.ProcessEnv => ({ ...envFiles("production"), ...process.env });

// Local set-up may add AUTH_SECRET to .env.local, so the settings are read again after it.
ensureLocalSetup(settings());
const env = settings();
const reason = values.build ? "--build given" : whyBuild();
if (reason) {
  console.log(`Building the portal (npm run build): ${reason}.`);
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const local = usesLocalSimulator(env);
const portal = `http://localhost:${values.port}`;
if (local) {
  env.NHS_LOGIN_ENV = "local";
  env.AUTH_URL ??= portal;
  env.SIMULATOR_REDIRECT_URIS ??= `${portal}/api/auth/callback/nhs-login`;
}
runTogether([
  ...(local ? [{ ...SIMULATOR, env }] : []),
  standaloneServer({ port: Number(values.port), hostname: values.hostname, env }),
]);
console.log(
  `npm run preview: the production build on ${portal}${local ? `, NHS login's simulator on http://localhost:${env.SIMULATOR_PORT ?? 4000}` : ""}. Ctrl+C stops ${local ? "both" : "it"}.`,
);
