import { expect, test } from "@playwright/test";
import { E2E } from "./support/environment";

/**
 * The health endpoints a load balancer or orchestrator probes. NHS login down (degraded) and
 * back is tested in nhs-login-outages.spec.ts, the session store down (unavailable) and back in
 * session-store-outage.spec.ts: each owns what it stops.
 */
test("liveness answers 200 while the process runs", async ({ request }) => {
  const response = await request.get("/api/health/live");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
});

test("readiness is ok, names each check and nothing else, and needs no session", async ({
  request,
}) => {
  const response = await request.get("/api/health/ready", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({
    status: "ok",
    checks: { sessionStore: "ok", nhsLogin: "ok" },
  });
  expect(response.headers()["cache-control"]).toBe("no-store");
  const text = JSON.stringify(body);
  for (const secret of [E2E.simulator, "localhost", "http", "secret", "portal-local"]) {
    expect(text).not.toContain(secret);
  }
});

test("the health endpoints answer GET and HEAD only", async ({ request }) => {
  for (const path of ["/api/health/live", "/api/health/ready"]) {
    expect((await request.head(path)).status(), `HEAD ${path}`).toBe(200);
    expect((await request.post(path)).status(), `POST ${path}`).toBe(405);
    expect((await request.delete(path)).status(), `DELETE ${path}`).toBe(405);
  }
});
