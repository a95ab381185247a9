import { ConfigError, getConfig } from "./config";
import { log } from "./log";
import { sessionStore } from "./session/current";

/** How long start-up waits for the session store before serving anyway (gated pages say 503). */
const STORE_WAIT_MS = 5_000;

/**
 * Stops the server with every configuration problem listed, rather than failing on first use;
 * then opens the session store, so the first requests find it connected.
 */
export async function startUp(): Promise<void> {
  try {
    const { nhsApi } = getConfig();
    if (nhsApi.status === "not-configured") {
      // Said once here; the pages that need the APIs say so to people.
      log("warn", "nhs-api-not-configured", {
        environment: nhsApi.environment,
        reason: nhsApi.reason,
      });
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  await sessionStore().whenAvailable(STORE_WAIT_MS);
}
