import { createServer, request, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { shutDown, shutdownTimeoutMs, shutdownTimeoutProblem, trackRequests } from "./shutdown";

/**
 * A server whose every request takes `answerAfterMs` (or never ends, if undefined), noting in
 * `events` when it has sent each answer.
 */
async function slowServer(
  answerAfterMs: number | undefined,
  events: string[] = [],
): Promise<{ server: Server; port: number }> {
  trackRequests();
  const server = createServer(async (_request, response) => {
    if (answerAfterMs === undefined) return;
    await sleep(answerAfterMs);
    response.end("done", () => events.push("answer sent"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : 0 };
}

/** One request on its own connection: its status and body, or the error that ended it. */
function get(port: number): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const outgoing = request({ host: "127.0.0.1", port, agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, body }));
      response.on("error", (error) => resolve({ error: error.message }));
    });
    outgoing.on("error", (error) => resolve({ error: (error as NodeJS.ErrnoException).code }));
    outgoing.end();
  });
}

describe("graceful shutdown", () => {
  let server: Server | undefined;
  afterEach(() => server?.closeAllConnections());

  it("finishes the request in flight, refuses new ones, then closes what requests used", async () => {
    const events: string[] = [];
    const started = await slowServer(400, events);
    server = started.server;
    const inFlight = get(started.port);
    await sleep(100);

    const stopping = shutDown({
      timeoutMs: 5_000,
      closers: [{ name: "session store", close: async () => void events.push("store closed") }],
    });
    await sleep(20);
    expect(await get(started.port)).toEqual({ error: "ECONNREFUSED" });
    await stopping;

    expect(await inFlight).toEqual({ status: 200, body: "done" });
    expect(events).toEqual(["answer sent", "store closed"]);
  });

  it("cuts off a request that outlasts the timeout, and still closes everything", async () => {
    const started = await slowServer(undefined);
    server = started.server;
    const hanging = get(started.port);
    await sleep(100);
    const closed: string[] = [];

    const before = Date.now();
    await shutDown({
      timeoutMs: 300,
      closers: [
        { name: "hangs", close: () => new Promise(() => {}) },
        { name: "exporter", close: async () => void closed.push("exporter") },
      ],
    });
    const took = Date.now() - before;

    expect((await hanging).error).toBeDefined();
    expect(closed).toEqual(["exporter"]);
    // 300 ms for the request, 300 for the closer that hangs; never unbounded.
    expect(took).toBeGreaterThanOrEqual(550);
    expect(took).toBeLessThan(2_000);
  });
});

describe("SHUTDOWN_TIMEOUT_SECONDS", () => {
  it("defaults to ten seconds and accepts a positive number up to ten minutes", () => {
    expect(shutdownTimeoutMs({})).toBe(10_000);
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_SECONDS: "25" })).toBe(25_000);
    expect(shutdownTimeoutProblem("25")).toBeUndefined();
    for (const value of ["0", "-1", "ten", "601"]) {
      expect(shutdownTimeoutProblem(value)).toMatch(/^SHUTDOWN_TIMEOUT_SECONDS: /);
    }
  });
});
