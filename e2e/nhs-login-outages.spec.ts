import { expect, test, type Page, type Route } from "@playwright/test";
import { JWKS_COOLDOWN_MS } from "../lib/nhs-login/issuer-keys";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { E2E } from "./support/environment";
import {
  expectErrorPage,
  expectNoSession,
  logIn,
  logInAgainAtSimulator,
  logInAtSimulator,
  newPerson,
  simulator,
  UNAVAILABLE,
} from "./support/nhs-login";

/**
 * NHS login's signing keys changing or failing, and NHS login going down altogether. The key
 * faults act on the whole simulator, so these tests run on their own, after the parallel ones.
 */
const NHS_LOGIN_TIMEOUT_MS = Number(E2E.portals[0]!.env.NHS_LOGIN_TIMEOUT_MS);

test.afterEach(() => simulator.reset());

/**
 * The portal keeps NHS login's keys. A rotation makes it fetch them again, once the cooldown
 * since its last fetch has passed: waiting it out after rotating makes the next sign-in refetch.
 */
async function rotateSigningKey(page: Page): Promise<void> {
  await simulator.injectFault({ fault: "jwks_rotate" });
  await page.waitForTimeout(JWKS_COOLDOWN_MS + 500);
}

test("jwks_rotate: the new signing key is fetched, and the log-in succeeds", async ({ page }) => {
  const person = await newPerson("p9");
  await rotateSigningKey(page);
  await logIn(page, person);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
});

for (const outage of ["jwks_unavailable", "jwks_hang"] as const) {
  test(`${outage}: "${UNAVAILABLE}" in bounded time, no session, then recovery`, async ({
    page,
  }) => {
    const person = await newPerson("p9");
    await rotateSigningKey(page);
    await simulator.injectFault({ fault: outage });

    await page.goto("/profile");
    const started = Date.now();
    await logInAtSimulator(page, person);
    const logged = await expectErrorPage(page, UNAVAILABLE);
    expect(logged).toMatchObject({
      event: "sign-in-refused",
      failure: "unavailable",
      reason: "keys-unavailable",
    });
    expect(Date.now() - started).toBeLessThan(NHS_LOGIN_TIMEOUT_MS + 5_000);
    await expectNoSession(page);

    await simulator.reset();
    await page.goto("/profile");
    await logInAgainAtSimulator(page, person);
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
  });
}

test.describe("NHS login down altogether", () => {
  let nhsLogin: RunningSimulator | undefined;
  const portal = E2E.outagePortal;

  async function bringUpNhsLogin(): Promise<void> {
    nhsLogin = await startSimulator({
      port: Number(new URL(E2E.outageSimulator).port),
      quiet: true,
      keysFile: false,
      // The portal's own local client and key, as `npm run dev` sets them up.
      localClient: { redirectUris: [`${portal}/api/auth/callback/nhs-login`] },
    });
  }

  async function takeDownNhsLogin(): Promise<void> {
    await nhsLogin?.close();
    nhsLogin = undefined;
  }

  async function expectPublicPagesServed(page: Page): Promise<void> {
    for (const [path, heading] of [
      ["/", "Patient portal"],
      ["/accessibility", "Accessibility statement"],
      ["/auth/logged-out", "You are logged out"],
    ]) {
      const response = await page.goto(`${portal}${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading!);
    }
  }

  /**
   * The browser does not let a test stop a redirect part-way, so NHS login's redirects after the
   * consent form are followed here, up to the one back to the portal.
   */
  async function followRedirectsWithinNhsLogin(page: Page, consent: Route): Promise<string> {
    let response = await consent.fetch({ maxRedirects: 0 });
    for (let hop = 0; hop < 5; hop++) {
      const location = new URL(response.headers().location ?? "", E2E.outageSimulator);
      if (location.origin === portal) return location.href;
      response = await page.request.get(location.href, { maxRedirects: 0 });
    }
    throw new Error("NHS login did not redirect back to the portal");
  }

  test.afterEach(takeDownNhsLogin);

  test("public pages stay up, a sign-in ends on the unavailable page, and the portal recovers", async ({
    page,
  }) => {
    await expectPublicPagesServed(page);

    // Down between agreeing to share and the redirect back: the portal's token request fails.
    await bringUpNhsLogin();
    await page.goto(`${portal}/profile`);
    await page.getByTestId("login-as-p9").click();
    await page.route(`${E2E.outageSimulator}/interaction/*/consent`, async (route) => {
      const redirectBack = await followRedirectsWithinNhsLogin(page, route);
      await takeDownNhsLogin();
      await route.fulfill({ status: 303, headers: { location: redirectBack } });
    });
    const started = Date.now();
    await page.getByTestId("consent-agree").click();
    await expectErrorPage(page, UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(NHS_LOGIN_TIMEOUT_MS + 5_000);
    await page.unrouteAll();
    await expectPublicPagesServed(page);

    await bringUpNhsLogin();
    await expectNoSession(page, portal, E2E.outageSimulator);
    await logInAtSimulator(page, "p9");
    await expect(page).toHaveURL(`${portal}/profile`);
  });

  test("readiness says degraded, with 200, while NHS login is down, and ok once it is back", async ({
    request,
  }) => {
    // Readiness asks NHS login every 15 seconds at most (lib/health/portal-readiness.ts).
    test.setTimeout(120_000);
    const readiness = async () => {
      const response = await request.get(`${portal}/api/health/ready`);
      return { status: response.status(), body: await response.json() };
    };
    await expect.poll(readiness, { timeout: 30_000 }).toEqual({
      status: 200,
      body: { status: "degraded", checks: expect.objectContaining({ nhsLogin: "failing" }) },
    });

    await bringUpNhsLogin();
    await expect.poll(readiness, { timeout: 30_000 }).toEqual({
      status: 200,
      body: { status: "ok", checks: expect.objectContaining({ nhsLogin: "ok" }) },
    });

    await takeDownNhsLogin();
    await expect.poll(readiness, { timeout: 30_000 }).toEqual({
      status: 200,
      body: { status: "degraded", checks: expect.objectContaining({ nhsLogin: "failing" }) },
    });
  });
});
