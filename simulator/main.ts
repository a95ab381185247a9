#!/usr/bin/env node
/** The command: `nhs-login-simulator [options]` (or `npm run simulator` in this repository). */
import { helpText, readSettings } from "./config";
import { startSimulator } from "./server";

try {
  const settings = readSettings();
  if (settings.help) {
    console.log(helpText());
  } else {
    const simulator = await startSimulator(settings.options);
    const stop = () => {
      void simulator.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
