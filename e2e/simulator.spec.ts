import { expect, test, type Page } from "@playwright/test";
import { SimulatorControl } from "../simulator/control";
import { expectAccessible } from "./support/axe";
import { E2E } from "./support/environment";

/**
 * The NHS login simulator's own pages: each is an accessible NHS.UK page that says it is a
 * simulator, and works without JavaScript (this runs in both projects).
 */
const simulator = process.env.SIMULATOR_URL ?? E2E.simulator;
const redirectUri = `${E2E.portal}/api/auth/callback/nhs-login`;

function authorizeUrl(extra: Record<string, string> = {}): string {
  const url = new URL(`${simulator}/authorize`);
  const params = {
    client_id: "portal-local",
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid profile email phone gp_registration_details",
    state: "e2e-state",
    nonce: "e2e-nonce",
    ...extra,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

async function expectSimulatorPage(page: Page, h1: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1);
  await expect(page.getByTestId("simulator-banner")).toContainText(
    "This is a simulator, not NHS login",
  );
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  await expectAccessible(page);
}

test("the simulator's log in, register, uplift and consent pages", async ({ page }) => {
  const person = await new SimulatorControl(simulator).createPersona("p0-uplift");
  await page.goto(authorizeUrl());
  await expectSimulatorPage(page, "Log in");

  await page.getByTestId("login-submit").click();
  await expect(page.locator(".nhsuk-error-summary")).toBeVisible();
  await expectSimulatorPage(page, "Log in");

  await page.getByTestId("register-link").click();
  await expectSimulatorPage(page, "Create your NHS login");
  await page.getByTestId("register-submit").click();
  await expectSimulatorPage(page, "Create your NHS login");

  await page.goto(authorizeUrl());
  await page.getByTestId(`login-as-${person.id}`).click();
  await expectSimulatorPage(page, "Prove who you are");
  await page.getByTestId("uplift-continue").click();
  await expectSimulatorPage(page, "Share your NHS login information");

  // Side by side on a desktop, the two answers do not touch.
  await page.setViewportSize({ width: 1280, height: 800 });
  const agree = (await page.getByTestId("consent-agree").boundingBox())!;
  const decline = (await page.getByTestId("consent-decline").boundingBox())!;
  expect(decline.x - (agree.x + agree.width)).toBeGreaterThanOrEqual(16);
});

test("the simulator's NHS App, settings and error pages", async ({ page, request }) => {
  const service = `${E2E.portal}/`;
  await page.goto(`${simulator}/nhs-app?service=${encodeURIComponent(service)}`);
  await expectSimulatorPage(page, "Open a service as the NHS App");

  const opened = await request.get(
    `${simulator}/nhs-app?service=${encodeURIComponent(service)}&persona=p9`,
    { maxRedirects: 0 },
  );
  const token = new URL(opened.headers().location ?? "").searchParams.get("assertedLoginIdentity");
  await page.goto(`${simulator}/settings?asserted_login_identity=${token}`);
  await expectSimulatorPage(page, "Your NHS login settings");

  const reused = await page.goto(`${simulator}/settings?asserted_login_identity=${token}`);
  expect(reused?.status()).toBe(401);
  await expectSimulatorPage(page, "You cannot see your NHS login settings");

  await page.goto(authorizeUrl({ redirect_uri: "https://unregistered.example/callback" }));
  await expectSimulatorPage(page, "Sorry, there is a problem with this request");
});
