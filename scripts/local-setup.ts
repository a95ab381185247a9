import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { LOCAL_API_PRIVATE_KEY_FILE, LOCAL_PRIVATE_KEY_FILE } from "../lib/config";
import { ensureLocalKey } from "../simulator/local-client";

const ENV_FILE = ".env.local";

/** Whether this NHS login is the simulator that `npm run dev` and `npm run preview` start beside the portal. */
export function usesLocalSimulator(env: NodeJS.ProcessEnv): boolean {
  return (env.NHS_LOGIN_ENV ?? "local") === "local" && !env.NHS_LOGIN_ISSUER;
}

/**
 * What a fresh clone needs to run against the local simulator, created once and kept out of
 * git: the NHS login client's and the API platform application's private keys, and AUTH_SECRET
 * (in .env.local, which Next.js reads).
 */
export function ensureLocalSetup(env: NodeJS.ProcessEnv = process.env): void {
  const local = (env.NHS_LOGIN_ENV ?? "local") === "local";
  if (local && !env.NHS_LOGIN_PRIVATE_KEY && !env.NHS_LOGIN_PRIVATE_KEY_FILE) {
    if (ensureLocalKey(LOCAL_PRIVATE_KEY_FILE).created) {
      console.log(`Created the local NHS login client key in ${LOCAL_PRIVATE_KEY_FILE}`);
    }
  }
  const apiLocal = (env.NHS_API_ENV ?? "local") === "local";
  if (local && apiLocal && !env.NHS_API_PRIVATE_KEY && !env.NHS_API_PRIVATE_KEY_FILE) {
    if (ensureLocalKey(LOCAL_API_PRIVATE_KEY_FILE).created) {
      console.log(
        `Created the local API platform application key in ${LOCAL_API_PRIVATE_KEY_FILE}`,
      );
    }
  }
  const envFile = existsSync(ENV_FILE) ? readFileSync(ENV_FILE, "utf8") : "";
  if (!env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(envFile)) {
    const separator = envFile === "" || envFile.endsWith("\n") ? "" : "\n";
    appendFileSync(ENV_FILE, `${separator}AUTH_SECRET=${randomBytes(33).toString("base64")}\n`, {
      mode: 0o600,
    });
    console.log(`Created AUTH_SECRET in ${ENV_FILE}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureLocalSetup();
