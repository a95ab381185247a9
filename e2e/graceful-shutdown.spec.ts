import { createServer, type Server, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { startTestRedis, type TestRedis } from "../test-support/redis-server";
import { E2E } from "./support/environment";
import { startOwnPortal } from "./support/own-portal";
import { portalLogEntries } from "./support/portal-log";

/**
 * An orchestrator stops an instance with SIGTERM. The instance must stop taking connections,
 * finish what it is doing (within SHUTDOWN_TIMEOUT_SECONDS), close what it holds (its
 * connection to the session store, a Redis of its own here), and exit.
 * NHS login here accepts connections and never answers, so a sign-in stays in flight for the
 * whole NHS_LOGIN_TIMEOUT_MS: long enough to send SIGTERM during it.
 */
const NHS_LOGIN_TIMEOUT_MS = 3_000;

let silentNhsLogin: Server;
let redis: TestRedis;
const connections: Socket[] = [];
let firstConnection: Promise<void>;

test.beforeAll(async () => {
  redis = await startTestRedis();
  let connected: () => void;
  firstConnection = new Promise((resolve) => (connected = resolve));
  silentNhsLogin = createServer((socket) => (connections.push(socket), connected()));
  await new Promise<void>((resolve) =>
    silentNhsLogin.listen(Number(new URL(E2E.silentNhsLogin).port), resolve),
  );
});
test.afterAll(async () => {
  connections.forEach((socket) => socket.destroy());
  await new Promise((resolve) => silentNhsLogin.close(resolve));
  await redis.stop();
});

test("SIGTERM during a request: it completes, new connections are refused, the server exits cleanly", async () => {
  const portal = await startOwnPortal(E2E.shutdownPortal, {
    NHS_LOGIN_ISSUER: E2E.silentNhsLogin,
    NHS_LOGIN_TIMEOUT_MS: String(NHS_LOGIN_TIMEOUT_MS),
    REDIS_URL: redis.url,
  });
  const origin = portal.origin;
  const inFlight = fetch(`${origin}/auth/sign-in?returnTo=/profile`, { redirect: "manual" });
  await firstConnection; // the portal is waiting for NHS login: the request is in flight
  const signalled = Date.now();
  portal.server.kill("SIGTERM");

  await expect
    .poll(() =>
      fetch(`${origin}/api/health/live`).then(
        () => "answered",
        () => "refused",
      ),
    )
    .toBe("refused");
  const response = await inFlight;
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toMatch(/\/auth\/error\?code=unavailable&ref=/);
  expect(await portal.exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(NHS_LOGIN_TIMEOUT_MS + 5_000);

  const events = (await portalLogEntries(origin)).map((entry) => entry.event);
  expect(events).toEqual(
    expect.arrayContaining(["signal-received", "shutdown-started", "shutdown-complete"]),
  );
  const started = (await portalLogEntries(origin)).find(
    (entry) => entry.event === "shutdown-started",
  );
  // The sign-in at least; the first probe of the poll above may have arrived just before.
  expect(started?.inFlight).toBeGreaterThanOrEqual(1);
  expect(events.indexOf("nhs-login-unavailable")).toBeLessThan(events.indexOf("shutdown-complete"));
  expect(events, "the session store closed cleanly").not.toContain("shutdown-close-failed");
});
