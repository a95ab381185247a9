import { subscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { moduleLog } from "./log";

type Env = Record<string, string | undefined>;

const log = moduleLog("shutdown");

/** Something to close once no request can use it any more: the session store, the exporter. */
export interface Closer {
  name: string;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_SECONDS = 10;

/** SHUTDOWN_TIMEOUT_SECONDS, for the start-up check: a problem to report, or none. */
export function shutdownTimeoutProblem(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds > 0 && seconds <= 600) return undefined;
  return `SHUTDOWN_TIMEOUT_SECONDS: "${value}" is not a number of seconds between 0 and 600 (${DEFAULT_TIMEOUT_SECONDS} by default).`;
}

/** How long requests in flight may take to finish once the server is told to stop. */
export function shutdownTimeoutMs(env: Env): number {
  const value = env.SHUTDOWN_TIMEOUT_SECONDS;
  const seconds = shutdownTimeoutProblem(value) || !value ? DEFAULT_TIMEOUT_SECONDS : Number(value);
  return seconds * 1000;
}

interface Requests {
  servers: Set<Server>;
  inFlight: Set<ServerResponse>;
  tracking: boolean;
}

// One record per process, whichever copy of this module Next.js's bundles load.
const SHARED = Symbol.for("nhs-login-portal.requests");
const requests: Requests = ((globalThis as { [SHARED]?: Requests })[SHARED] ??= {
  servers: new Set(),
  inFlight: new Set(),
  tracking: false,
});

/**
 * Starts keeping count of the requests in flight, so that a shutdown knows what to wait for.
 * Next.js does not hand out its HTTP server; Node.js announces every request it receives.
 */
export function trackRequests(): void {
  if (requests.tracking) return;
  requests.tracking = true;
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    requests.servers.add(server);
    requests.inFlight.add(response);
    response.once("close", () => requests.inFlight.delete(response));
  });
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  const timer = new AbortController();
  try {
    await Promise.race([
      work,
      sleep(ms, undefined, { signal: timer.signal }).then(() => {
        throw new Error(`no answer in ${ms} ms`);
      }),
    ]);
  } finally {
    timer.abort();
  }
}

/**
 * Stops gracefully: accepts no new connections, lets the requests in flight finish for at most
 * `timeoutMs`, cuts off any that are left, then closes what they were using, each in turn.
 */
export async function shutDown(options: { timeoutMs: number; closers: Closer[] }): Promise<void> {
  const started = Date.now();
  log("info", "shutdown-started", { inFlight: requests.inFlight.size });
  for (const server of requests.servers) server.close();

  const deadline = started + options.timeoutMs;
  while (requests.inFlight.size > 0 && Date.now() < deadline) await sleep(25);
  const unfinished = requests.inFlight.size;
  if (unfinished > 0) log("warn", "shutdown-cut-off-requests", { unfinished });
  for (const server of requests.servers) server.closeAllConnections();

  for (const closer of options.closers) {
    try {
      await withTimeout(closer.close(), options.timeoutMs);
    } catch (error) {
      log("warn", "shutdown-close-failed", {
        closing: closer.name,
        error: error instanceof Error ? error.message : "unknown",
      });
    }
  }
  log("info", "shutdown-complete", { milliseconds: Date.now() - started });
}

/**
 * Shuts down gracefully on SIGTERM (what an orchestrator sends) or SIGINT (Ctrl+C), then exits.
 * A second signal while shutting down exits at once.
 */
export function shutDownOnSignals(options: { timeoutMs: number; closers: Closer[] }): void {
  trackRequests();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log("info", "signal-received", { signal });
    void shutDown(options).finally(() => process.exit(0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
