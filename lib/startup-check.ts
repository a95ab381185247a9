import { ConfigError, getConfig } from "./config";
import { sessionStore } from "./session/current";

/** How long start-up waits for the session store before serving anyway (gated pages say 503). */
const STORE_WAIT_MS = 5_000;

/**
 * Stops the server with every configuration problem listed, rather than failing on first use;
 * then opens the session store, so the first requests find it connected.
 */
export async function startUp(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  await sessionStore().whenAvailable(STORE_WAIT_MS);
}
