/** Reads the simulator's settings from the environment (for `npm run simulator`). */
import {
  DEFAULT_LOCAL_CLIENT_ID,
  DEFAULT_LOCAL_KEY_FILE,
  DEFAULT_LOCAL_REDIRECT_URI,
} from "./local-client";
import { DEFAULT_PORT, type SimulatorOptions } from "./server";

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

export function optionsFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): SimulatorOptions {
  const port = env.SIMULATOR_PORT ? Number(env.SIMULATOR_PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `SIMULATOR_PORT must be a port number, not ${JSON.stringify(env.SIMULATOR_PORT)}`,
    );
  }
  if (env.SIMULATOR_ISSUER) {
    let url: URL;
    try {
      url = new URL(env.SIMULATOR_ISSUER);
    } catch {
      throw new Error(
        `SIMULATOR_ISSUER must be a URL, not ${JSON.stringify(env.SIMULATOR_ISSUER)}`,
      );
    }
    if (url.pathname !== "/" || url.search || url.hash) {
      throw new Error("SIMULATOR_ISSUER must be an origin only, like http://localhost:4000");
    }
  }
  return {
    port,
    ...(env.SIMULATOR_HOST ? { host: env.SIMULATOR_HOST } : {}),
    ...(env.SIMULATOR_CONTROL_FROM_ANYWHERE === "true" ? { controlFromAnywhere: true } : {}),
    ...(env.SIMULATOR_ISSUER ? { issuer: env.SIMULATOR_ISSUER } : {}),
    localClient: {
      keyFile: env.NHS_LOGIN_PRIVATE_KEY_FILE || DEFAULT_LOCAL_KEY_FILE,
      clientId: env.NHS_LOGIN_CLIENT_ID || DEFAULT_LOCAL_CLIENT_ID,
      redirectUris: list(env.SIMULATOR_REDIRECT_URIS) ?? [DEFAULT_LOCAL_REDIRECT_URI],
    },
    ...(env.SIMULATOR_CLIENTS_FILE ? { clientsFile: env.SIMULATOR_CLIENTS_FILE } : {}),
    ...(env.SIMULATOR_PERSONAS_FILE ? { personasFile: env.SIMULATOR_PERSONAS_FILE } : {}),
  };
}
