import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { LOCAL_API_PRIVATE_KEY_FILE, LOCAL_PRIVATE_KEY_FILE } from "../lib/config";

/** The production server `npm run build` writes and completes (scripts/complete-standalone.mjs). */
export const STANDALONE_SERVER = ".next/standalone/server.js";

interface ServerOptions {
  port: number;
  hostname?: string;
  env: Record<string, string | undefined>;
}

/**
 * How to run the standalone production server on this Node.js. It runs from its own folder, so a
 * relative path in the environment would point inside it: the local keys, which the local
 * environment finds by their relative defaults, are given by their full paths instead. The API
 * platform's local key only when it exists: without it the portal runs with its API pages "not
 * set up", as it would from the repository's folder.
 */
export function standaloneServer({ port, hostname, env }: ServerOptions) {
  const local = (env.NHS_LOGIN_ENV ?? "local") === "local";
  const keyFile =
    env.NHS_LOGIN_PRIVATE_KEY_FILE ??
    (local && !env.NHS_LOGIN_PRIVATE_KEY ? LOCAL_PRIVATE_KEY_FILE : undefined);
  const apiLocal = local && (env.NHS_API_ENV ?? "local") === "local";
  const apiKeyFile =
    env.NHS_API_PRIVATE_KEY_FILE ??
    (apiLocal && !env.NHS_API_PRIVATE_KEY && existsSync(LOCAL_API_PRIVATE_KEY_FILE)
      ? LOCAL_API_PRIVATE_KEY_FILE
      : undefined);
  return {
    command: process.execPath,
    args: [STANDALONE_SERVER],
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: hostname ?? "0.0.0.0",
      ...(keyFile ? { NHS_LOGIN_PRIVATE_KEY_FILE: resolve(keyFile) } : {}),
      ...(apiKeyFile ? { NHS_API_PRIVATE_KEY_FILE: resolve(apiKeyFile) } : {}),
    } as NodeJS.ProcessEnv,
  };
}

/** Starts the standalone production server (see standaloneServer). */
export function startStandaloneServer(
  options: ServerOptions & { stdio?: StdioOptions },
): ChildProcess {
  const { command, args, env } = standaloneServer(options);
  return spawn(command, args, { stdio: options.stdio ?? "inherit", env });
}
