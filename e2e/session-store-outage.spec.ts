import { expect, test } from "@playwright/test";
import { startTestRedis, type TestRedis } from "../test-support/redis-server";
import { expectAccessible } from "./support/axe";
import { E2E, REDIS } from "./support/environment";
import { logInAgainAtSimulator, logInAtSimulator, newPerson } from "./support/nhs-login";
import { expectLogged } from "./support/portal-log";

/**
 * The session store taken away from a running portal and given back: a portal instance whose
 * Redis the test starts and stops itself.
 */
const portal = E2E.storeOutagePortal;
test.skip(
  ({ javaScriptEnabled }) => javaScriptEnabled === false,
  "it stops this instance's Redis, so one browser at a time",
);
test.describe.configure({ mode: "serial" });

let redis: TestRedis;
test.beforeAll(async () => {
  redis = await startTestRedis(REDIS.outage.port);
  // The instance started before its Redis: wait until it has connected, as a load balancer would.
  await expect
    .poll(async () => (await fetch(`${portal}/api/health/ready`)).status, { timeout: 20_000 })
    .toBe(200);
});
test.afterAll(async () => {
  await redis.stop();
});

test("while the session store is down, gated pages say so with 503 and public pages are served; then all recovers", async ({
  page,
}) => {
  const person = await newPerson("p9");
  await page.goto(`${portal}/profile`);
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${portal}/profile`);
  expect(await redis.keyCount()).toBeGreaterThan(0);

  await redis.stop();
  const started = Date.now();
  // Timed to the portal's answer, not to the page's fonts (offline, their host fails slowly).
  const response = await page.goto(`${portal}/profile`, { waitUntil: "commit" });
  expect(response?.status()).toBe(503);
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Sorry, the service is unavailable",
  );
  const reference = await page.getByTestId("error-reference").textContent();
  const logged = await expectLogged(portal, reference!);
  expect(logged).toMatchObject({ level: "error", event: "session-store-unavailable" });
  await expectAccessible(page);
  for (const path of ["/", "/accessibility"]) {
    expect((await page.goto(`${portal}${path}`))?.status()).toBe(200);
  }

  await redis.start();
  // This Redis keeps nothing on disk, so the session did not survive: a fresh log-in works,
  // and the portal was never restarted.
  await expect
    .poll(async () => (await page.goto(`${portal}/profile`))?.status(), { timeout: 15_000 })
    .not.toBe(503);
  await logInAgainAtSimulator(page, person);
  await expect(page).toHaveURL(`${portal}/profile`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
});

test("readiness says unavailable, with 503, while the session store is down, and ok once it is back", async ({
  request,
}) => {
  const readiness = async () => {
    const response = await request.get(`${portal}/api/health/ready`);
    return { status: response.status(), body: await response.json() };
  };
  await expect
    .poll(readiness, { timeout: 20_000 })
    .toEqual({ status: 200, body: expect.objectContaining({ status: "ok" }) });

  await redis.stop();
  await expect.poll(readiness, { timeout: 20_000 }).toEqual({
    status: 503,
    body: {
      status: "unavailable",
      checks: { configuration: "ok", sessionStore: "failing", nhsLogin: "ok" },
    },
  });

  await redis.start();
  await expect.poll(readiness, { timeout: 20_000 }).toEqual({
    status: 200,
    body: { status: "ok", checks: { configuration: "ok", sessionStore: "ok", nhsLogin: "ok" } },
  });
});
