import { optionsFromEnvironment } from "./config";
import { startSimulator } from "./server";

try {
  const simulator = await startSimulator(optionsFromEnvironment());
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
