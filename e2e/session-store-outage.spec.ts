import { expect, test, type Browser, type Page } from "@playwright/test";
import { startTestRedis, type TestRedis } from "../test-support/redis-server";
import { startTcpRelay, type TcpRelay } from "../test-support/tcp-relay";
import { expectAccessible } from "./support/axe";
import { E2E, REDIS } from "./support/environment";
import { logInAtSimulator, newPerson } from "./support/nhs-login";
import { expectLogged, portalLogEntries, withPortalLog } from "./support/portal-log";

/**
 * The session store taken away from a running portal in each shape "down" takes, and given back:
 * a portal instance whose Redis (Debian's redis-server) sits behind a TCP relay, both the test's
 * own. The portal must answer every request within a bounded time, tell nobody anything untrue,
 * and carry on with the same sessions once Redis answers again, without a restart.
 */
const portal = E2E.storeOutagePortal;
/** What a person may wait for any answer while the store is down. */
const BOUND_MS = 5_000;

test.describe.configure({ mode: "serial" });

let redis: TestRedis;
let relay: TcpRelay;
test.beforeAll(async () => {
  redis = await startTestRedis();
  relay = await startTcpRelay({ host: "127.0.0.1", port: redis.port }, REDIS.outage.port);
});
test.beforeEach(async () => {
  // The instance may have started before its Redis: wait until it has connected, as a load
  // balancer would.
  await expect
    .poll(async () => (await fetch(`${portal}/api/health/ready`)).status, { timeout: 20_000 })
    .toBe(200);
});
test.afterAll(async () => {
  redis?.resume();
  await relay?.close();
  await redis?.stop();
});

interface Shape {
  name: string;
  down(): unknown;
  up(): unknown;
}

const SHAPES: Shape[] = [
  {
    name: "Redis stops answering with its connections open (paused)",
    down: () => redis.pause(),
    up: () => redis.resume(),
  },
  {
    name: "a partition drops every packet",
    down: () => relay.set("hang"),
    up: () => relay.set("pass"),
  },
  {
    name: "a partition resets every connection",
    down: () => relay.set("reset"),
    up: () => relay.set("pass"),
  },
  {
    name: "Redis refuses connections",
    down: () => relay.set("refuse"),
    up: () => relay.set("pass"),
  },
  {
    name: "Redis answers each command 3 seconds late",
    down: () => relay.set({ slowMs: 3_000 }),
    up: () => relay.set("pass"),
  },
];

/** A person logged in on a browser of their own. */
async function loggedIn(browser: Browser, person: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${portal}/profile`);
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${portal}/profile`);
  return page;
}

/** Opens a page of the portal and times the portal's answer (not the page's fonts). */
async function timed(page: Page, path: string) {
  const started = Date.now();
  const response = await page.goto(`${portal}${path}`, { waitUntil: "commit" });
  const ms = Date.now() - started;
  await page.waitForLoadState("domcontentloaded");
  return { status: response?.status(), ms };
}

for (const shape of SHAPES) {
  test(`when ${shape.name}: every answer comes within ${BOUND_MS / 1000} s and says only what is true; then the same sessions carry on`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    const person = await newPerson("p9");
    const staying = await loggedIn(browser, person);
    const leaving = await loggedIn(browser, person);
    const copied = (await leaving.context().cookies()).filter((c) => c.name === "portal.session");
    // A third browser on its way back from NHS login when the store goes.
    const arriving = await (await browser.newContext()).newPage();
    await arriving.goto(`${portal}/profile`);
    await expect(arriving.getByTestId("simulator-banner")).toBeVisible();

    await shape.down();

    // A gated page: the NHS-styled 503 page, with a reference in the log.
    const gated = await timed(staying, "/profile");
    expect(gated.status).toBe(503);
    expect(gated.ms).toBeLessThan(BOUND_MS);
    await expect(staying.getByRole("heading", { level: 1 })).toHaveText(
      "Sorry, the service is unavailable",
    );
    const reference = await staying.getByTestId("error-reference").textContent();
    await expectLogged(portal, reference!);
    expect(
      (await portalLogEntries(portal)).filter((entry) => entry.reference === reference),
    ).toContainEqual(
      expect.objectContaining({ level: "error", event: "session-store-unavailable" }),
    );
    await expectAccessible(staying);

    // Public pages: served, with nobody shown as logged in, and no error.
    for (const path of ["/", "/accessibility"]) {
      const publicPage = await timed(staying, path);
      expect(publicPage, path).toMatchObject({ status: 200 });
      expect(publicPage.ms, path).toBeLessThan(BOUND_MS);
      await expect(staying.getByRole("button", { name: "Log out" })).toHaveCount(0);
    }

    // Readiness: unavailable, within its own deadline, for the load balancer.
    let started = Date.now();
    const readiness = await request.get(`${portal}/api/health/ready`);
    expect(readiness.status()).toBe(503);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(await readiness.json()).toMatchObject({ checks: { sessionStore: "failing" } });

    // NHS login's callback: no session is opened, and the person is told why.
    started = Date.now();
    await logInAtSimulator(arriving, person);
    await expect(arriving.getByRole("heading", { level: 1 })).toHaveText(
      "Sorry, the service is unavailable",
    );
    expect(Date.now() - started).toBeLessThan(BOUND_MS + 2_000);

    // Log-out: never "You have logged out" over a session that still works.
    started = Date.now();
    await leaving.getByRole("button", { name: "Log out" }).click();
    await expect(leaving.getByRole("heading", { level: 1 })).toHaveText(
      "Sorry, we could not log you out",
    );
    expect(Date.now() - started).toBeLessThan(BOUND_MS + 2_000);
    const notLoggedOut = await leaving.getByTestId("error-reference").textContent();
    await expectLogged(portal, notLoggedOut!);
    expect(
      (await portalLogEntries(portal)).filter((entry) => entry.reference === notLoggedOut),
    ).toContainEqual(expect.objectContaining({ level: "error", event: "log-out-not-recorded" }));
    await expectAccessible(leaving);
    expect(
      (await leaving.context().cookies()).find((c) => c.name === "portal.session"),
    ).toBeUndefined();

    await shape.up();

    // Everything works again, without a restart, with the same session: a new connection is
    // made within two deadlines; the rest of the time is for page loads on a loaded machine.
    await withPortalLog(portal, () =>
      expect
        .poll(async () => (await staying.goto(`${portal}/profile`))?.status(), {
          timeout: 20_000,
        })
        .toBe(200),
    );
    await expect(staying.getByRole("heading", { level: 1 })).toHaveText("Your profile");
    await expect
      .poll(async () => (await request.get(`${portal}/api/health/ready`)).status(), {
        timeout: 10_000,
      })
      .toBe(200);
    // The log-out that could not happen is done once the store is back: a copy of the cookie
    // taken before it opens nothing.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await expect
      .poll(
        async () => {
          await stolen.goto(`${portal}/profile`);
          return stolen.url().startsWith(E2E.simulator);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // And trying again says it is done.
    await leaving.getByRole("button", { name: "Try logging out again" }).click();
    await expect(leaving.getByRole("heading", { level: 1 })).toHaveText("You have logged out");
  });
}
