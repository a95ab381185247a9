import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** Writes what a server prints to a log file the tests read, and passes it on to this process. */
export function logToFile(child: ChildProcess, logFile: string): void {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  child.stdout?.on("data", (chunk: Buffer) => (log.write(chunk), process.stdout.write(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => (log.write(chunk), process.stderr.write(chunk)));
}

/**
 * Stops the others, then what they used (`afterwards`), then this process, when one server
 * exits; passes on Ctrl+C and SIGTERM.
 */
export function stopTogether(
  children: ChildProcess[],
  afterwards: () => Promise<void> = async () => {},
): void {
  for (const child of children) {
    child.on("exit", async (code) => {
      for (const other of children) other.kill("SIGTERM");
      await afterwards();
      process.exit(code ?? 1);
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => children.forEach((child) => child.kill(signal)));
  }
}
