import { ConfigError, getConfig } from "./config";

/** Stops the server with every configuration problem listed, rather than failing on first use. */
export function checkConfigurationOrExit(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
