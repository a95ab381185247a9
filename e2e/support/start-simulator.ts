import { spawn } from "node:child_process";
import { SIMULATOR_LOG } from "./environment";
import { logToFile, stopTogether } from "./process-log";

/** The e2e suite's simulator, on this Node.js, its output also written where tests can read it. */
const simulator = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
  stdio: ["ignore", "pipe", "pipe"],
});
logToFile(simulator, SIMULATOR_LOG);
stopTogether([simulator]);
