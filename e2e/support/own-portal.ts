import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { startStandaloneServer } from "../../scripts/standalone-server";
import { portalLogFile, sharedPortalEnv } from "./environment";
import { logToFile } from "./process-log";

export interface OwnPortal {
  origin: string;
  server: ChildProcess;
  /** The exit code, once the server has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * A portal instance of the test's own, from the build the suite's set-up made: one the test may
 * shut down, or configure apart from the others. Stopped by the test, or at the end of the run.
 */
export async function startOwnPortal(
  origin: string,
  env: Record<string, string>,
): Promise<OwnPortal> {
  const port = Number(new URL(origin).port);
  const server = startStandaloneServer({
    port,
    env: { ...process.env, ...sharedPortalEnv, AUTH_URL: origin, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  logToFile(server, portalLogFile(port));
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exited;
  };
  process.once("exit", () => server.kill("SIGKILL"));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the portal on ${origin} exited at start-up`);
    const live = await fetch(`${origin}/api/health/live`).catch(() => undefined);
    if (live?.ok) return { origin, server, exited, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`the portal on ${origin} did not start in 30 seconds`);
}
