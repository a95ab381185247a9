import { ConfigError, getConfig } from "./config";
import { log } from "./log";

/** Stops the server with every configuration problem listed, rather than failing on first use. */
export function checkConfigurationOrExit(): void {
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
}
