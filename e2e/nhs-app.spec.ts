import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LOGIN_OUTCOMES } from "../lib/login-outcomes";
import { NHS_APP_HOME } from "../lib/nhs-app";
import { NHS_APP_SCRIPT_PATH } from "../simulator/nhs-app-script";
import { expectAccessible } from "./support/axe";
import { E2E, SHORT_SESSION } from "./support/environment";
import {
  appCalls,
  arriveFromNhsApp,
  expectAppBarDrawn,
  expectConnectedToApp,
  expectLastAppCall,
  NHS_APP_USER_AGENT,
  openFromNhsApp,
  pressAppBack,
} from "./support/nhs-app";
import { logIn, newPerson, newPersonDetails } from "./support/nhs-login";

test.describe("inside the NHS App", () => {
  test.use({ userAgent: NHS_APP_USER_AGENT });

  test("the NHS App opens a page with the person already logged in", async ({ page }) => {
    const { id: person, demographics } = await newPersonDetails("p9");
    await openFromNhsApp(page, "/gp-practice", person);
    await page.getByTestId("consent-agree").click();
    await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
    await expect(page.locator(".nhsuk-summary-list")).toContainText(demographics!.gpOdsCode!);
  });

  test("a failed silent log-in from the NHS App sends the person back to it", async ({ page }) => {
    await page.goto("/profile?assertedLoginIdentity=not-a-real-token");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You need to log in again");
    await expect(page.getByTestId("back-to-nhs-app")).toBeVisible();
  });

  test("the portal hides its own header and footer", async ({ page }) => {
    await page.goto("/accessibility");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
    await expect(page.locator("header.nhsuk-header")).toHaveCount(0);
    await expect(page.locator("footer")).toHaveCount(0);
  });

  test("the no-consent page speaks of the service provider, with no back link", async ({
    page,
  }) => {
    await page.goto("/auth/no-consent");
    await expect(page.locator("main")).toContainText(
      "The service provider needs your NHS login information",
    );
    await expect(page.locator(".nhsuk-back-link")).toHaveCount(0);
  });

  test("someone else's assertion does not replace a person's session until they choose", async ({
    page,
  }) => {
    const me = await newPersonDetails("p9");
    const them = await newPersonDetails("p9");
    await logIn(page, me.id);
    const myName = `${me.demographics!.givenName} ${me.demographics!.familyName}`;
    const theirName = `${them.demographics!.givenName} ${them.demographics!.familyName}`;

    await openFromNhsApp(page, "/profile", them.id);
    await page.getByTestId("consent-agree").click();
    await expect(page).toHaveURL(/\/auth\/switch-account\?/);
    await expect(page.locator("main")).toContainText(
      `You are logged in to this service as ${myName}`,
    );
    await expectAppBarDrawn(page);
    await page.getByTestId("stay-logged-in").click();
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    await expect(page.locator(".nhsuk-summary-list")).toContainText(myName);

    // Asked again, and this time the person chooses to switch.
    await openFromNhsApp(page, "/profile", them.id);
    const consent = page.getByTestId("consent-agree");
    const choice = page.getByTestId("switch-account");
    await expect(consent.or(choice)).toBeVisible();
    if (await consent.isVisible()) await consent.click();
    await expect(choice).toBeVisible();
    await expectAppBarDrawn(page);
    await choice.click();
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    await expect(page.locator(".nhsuk-summary-list")).toContainText(theirName);
  });
});

test("outside the NHS App, a link with an assertion logs nobody in", async ({ page }) => {
  const me = await newPersonDetails("p9");
  const attacker = await newPersonDetails("p9");
  await logIn(page, me.id);
  // The attacker's own assertion, in a link sent to the person's ordinary browser.
  await openFromNhsApp(page, "/profile", attacker.id);
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  await expect(page.locator(".nhsuk-summary-list")).toContainText(me.demographics!.familyName!);
  await expect(page.locator("main")).not.toContainText(attacker.demographics!.familyName!);

  // Logged out, the same link does not log the browser in as the attacker either.
  await page.context().clearCookies();
  await openFromNhsApp(page, "/accessibility", attacker.id);
  await expect(page).toHaveURL(`${E2E.portal}/accessibility`);
  await expect(page.getByRole("navigation", { name: "Account" })).toHaveCount(0);
});

/*
 * The NHS App's release checks ("build checks into your release process"): every page at a
 * small and a common phone's width with the app's user agent, nothing the app draws itself come
 * back, axe; and each journey's calls to the app's JavaScript API, made against the simulator's
 * stand-in. Screenshots of each go to test-results/nhs-app/ for people to look at.
 */

const APP_WIDTHS = [320, 390];
const STAND_IN = `${E2E.simulator}${NHS_APP_SCRIPT_PATH}`;

interface AppVisit {
  path: string;
  status?: number;
  /** Where the page sends this person instead, when it is not for them inside the app. */
  lands?: string;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(
      test.info().project.outputDir,
      "nhs-app",
      `${name.replace(/[^a-z0-9]+/gi, "-")}.png`,
    ),
    fullPage: true,
  });
}

/** A page as the app shows it: its own title and headings, and nothing the app draws itself. */
async function expectAppPage(page: Page, group: string, visit: AppVisit): Promise<void> {
  for (const width of APP_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const response = await page.goto(visit.path);
    expect(response?.status(), visit.path).toBe(visit.status ?? 200);
    if (visit.lands) await expect(page).toHaveURL(`${E2E.portal}${visit.lands}`);
    await expect(page.locator("h1"), visit.path).toHaveCount(1);
    expect((await page.title()).length, visit.path).toBeGreaterThan(10);
    await expect(page.locator("header, footer, .nhsuk-breadcrumb"), visit.path).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: /Account|Menu/ })).toHaveCount(0);
    for (const hidden of ["Log out", "Log out of all devices", "Manage your NHS login"]) {
      await expect(page.getByText(hidden, { exact: true }), `${visit.path}: ${hidden}`).toHaveCount(
        0,
      );
    }
    expect(await page.locator(".nhsuk-back-link").count(), visit.path).toBeLessThanOrEqual(1);
    await expect(page.locator("script#nhsapp-js")).toHaveAttribute("src", STAND_IN);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${visit.path} is wider than the screen at ${width} px`).toBeLessThanOrEqual(
      0,
    );
    // No grey band where the footer was: the foot of a short page is the page's own background.
    const [root, body] = await page.evaluate(() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
    ]);
    expect(root, visit.path).toBe(body);
    await screenshot(page, `${group}${visit.path}-${width}`);
  }
  await expectAccessible(page);
}

const APP_LOGGED_OUT: AppVisit[] = [
  { path: "/" },
  { path: "/accessibility" },
  { path: "/cookies" },
  { path: "/privacy" },
  { path: "/terms" },
  { path: "/auth/no-consent?context=nhs-app" },
  { path: "/auth/timed-out?reason=idle" },
  { path: "/auth/logged-out" },
  ...LOGIN_OUTCOMES.map((code) => ({ path: `/auth/error?code=${code}&context=nhs-app` })),
  { path: "/service-unavailable?ref=ABCD-2345", status: 503 },
  { path: "/no-such-page", status: 404 },
];

const APP_LOGGED_IN_P5: AppVisit[] = [
  { path: "/profile" },
  { path: "/gp-practice" },
  { path: "/auth/uplift?returnTo=%2Fgp-online-services" },
  { path: "/auth/error?code=uplift_not_completed&returnTo=%2Fgp-online-services" },
  { path: "/auth/logout-everywhere", lands: "/profile" },
];

const APP_LOGGED_IN_P9: AppVisit[] = [
  { path: "/profile" },
  { path: "/gp-online-services" },
  { path: "/nhs-record" },
];

test.describe("release checks inside the NHS App", () => {
  test.use({ userAgent: NHS_APP_USER_AGENT });

  test("logged out: every page as the app shows it", async ({ page }) => {
    test.setTimeout(120_000);
    for (const visit of APP_LOGGED_OUT) await expectAppPage(page, "logged-out", visit);
  });

  test("logged in at P5 from the app: every page as the app shows it", async ({ page }) => {
    test.setTimeout(90_000);
    await arriveFromNhsApp(page, "p5", "/profile");
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    for (const visit of APP_LOGGED_IN_P5) await expectAppPage(page, "p5", visit);
  });

  test("logged in at P9 from the app: every page as the app shows it", async ({ page }) => {
    test.setTimeout(90_000);
    // NHS login's details differ from this person's record: the record page offers no NHS login
    // settings of its own inside the app either.
    await arriveFromNhsApp(page, "p9-record-differs", "/profile");
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    for (const visit of APP_LOGGED_IN_P9) await expectAppPage(page, "p9", visit);
    await page.goto("/nhs-record");
    await expect(page.getByTestId("record-differences-in-nhs-login")).toContainText(
      "in the NHS App's account settings",
    );
  });
});

test.describe("journeys inside the NHS App, and the calls they make to its JavaScript API", () => {
  test.use({ userAgent: NHS_APP_USER_AGENT });

  test("the jump-off: the app's back button leads back to the app from a page with no back link", async ({
    page,
  }) => {
    await arriveFromNhsApp(page, "p9", "/gp-practice");
    await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
    await expectLastAppCall(page, "setBackAction");
    await screenshot(page, "journey-jump-off");
    await pressAppBack(page);
    await expectLastAppCall(page, "goToHomepage");
    await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
  });

  test("declining to share: the way back to the app is the app's home", async ({ page }) => {
    await openFromNhsApp(page, "/profile", await newPerson("p9"));
    await page.getByTestId("consent-decline").click();
    await expect(page).toHaveURL(`${E2E.portal}/auth/no-consent?context=nhs-app`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "You cannot continue without sharing your information",
    );
    await screenshot(page, "journey-declined");
    await expectConnectedToApp(page);
    await page.getByRole("button", { name: "Go back to the NHS App" }).click();
    await expectLastAppCall(page, "goToHomepage");
    await expect(page).toHaveURL(`${E2E.portal}/auth/no-consent?context=nhs-app`);
  });

  test("another website opens in the app's browser overlay, and the page stays", async ({
    page,
  }) => {
    await arriveFromNhsApp(page, "p5", "/gp-practice");
    await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
    await expectConnectedToApp(page);
    await page.getByRole("link", { name: "find out how to register with a GP surgery" }).click();
    await expectLastAppCall(page, "openBrowserOverlay", [
      "https://www.nhs.uk/nhs-services/gps/how-to-register-with-a-gp-surgery/",
    ]);
    await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
    await expect(page.getByTestId("nhs-app-stand-in-status")).toHaveText(
      "The NHS App would now open www.nhs.uk in its browser overlay, over this page.",
    );
    await screenshot(page, "journey-overlay");
  });

  test("uplift: the portal's page first, then the app's own identity check", async ({ page }) => {
    await arriveFromNhsApp(page, "p5", "/gp-online-services");
    // Not NHS login's identity check unasked: the portal's uplift page says why first.
    await expect(page).toHaveURL(`${E2E.portal}/auth/uplift?returnTo=%2Fgp-online-services`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "You need to prove who you are",
    );
    await screenshot(page, "journey-uplift");
    await expectConnectedToApp(page);
    await page.getByTestId("uplift-continue").click();
    await expectLastAppCall(page, "goToPage", ["UPLIFT"]);
    await expect(page).toHaveURL(`${E2E.portal}/auth/uplift?returnTo=%2Fgp-online-services`);

    // The app's back button goes where the page's back link goes.
    await pressAppBack(page);
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    expect((await appCalls(page)).map(({ call }) => call)).toContain("back");
  });

  test("abandoning uplift where the app's script is missing leaves the person logged in, on an honest page", async ({
    page,
  }) => {
    await page.route(STAND_IN, (route) => route.abort());
    await arriveFromNhsApp(page, "p5", "/gp-online-services");
    await expect(page).toHaveURL(`${E2E.portal}/auth/uplift?returnTo=%2Fgp-online-services`);
    // Without the script, Continue is NHS login's identity check in the web view.
    await page.getByTestId("uplift-continue").click();
    await page.getByTestId("uplift-abandon").click();
    await expect(page).toHaveURL(/\/auth\/error\?code=uplift_not_completed/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "You have not proved who you are yet",
    );
    await expect(page.locator("main")).toContainText("You are still logged in");
    await expect(page.getByTestId("back-to-nhs-app")).toHaveAttribute("href", NHS_APP_HOME);
    await screenshot(page, "journey-uplift-abandoned");
    await page.getByTestId("way-back").click();
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    await expect(page.locator(".nhsuk-summary-list")).toContainText("Medium");
  });
});

test.describe("the app's own session", () => {
  test.use({ userAgent: NHS_APP_USER_AGENT });

  test("a session that reaches its time limit ends on the timed-out page, which leads back to the app", async ({
    page,
  }) => {
    test.slow(); // the short-session instance's inactivity limit has to pass
    const portal = E2E.shortSessionPortal;
    await openFromNhsApp(page, "/profile", await newPerson("p9"), portal);
    await page.getByTestId("consent-agree").click();
    await expect(page).toHaveURL(`${portal}/profile`);
    await page.waitForTimeout((SHORT_SESSION.idleTimeoutSeconds + 2) * 1000);
    await page.goto(`${portal}/profile`);
    // Not NHS login's page inside the app: the portal's, with the way back to the app.
    await expect(page).toHaveURL(new RegExp(`^${portal}/auth/timed-out\\?`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have been logged out");
    await expect(page.getByTestId("back-to-nhs-app")).toBeVisible();
    await expect(page.getByTestId("log-in-again")).toHaveCount(0);
  });
});

test.describe("inside the NHS App without its script", () => {
  test.use({ userAgent: NHS_APP_USER_AGENT });

  test("every way on is still an ordinary link", async ({ page }) => {
    await page.route(STAND_IN, (route) => route.abort());
    await page.goto("/auth/no-consent?context=nhs-app");
    const back = page.getByTestId("back-to-nhs-app");
    await expect(back).toHaveAttribute("href", NHS_APP_HOME);
    await expect(page.getByRole("link", { name: "111.nhs.uk" })).toHaveAttribute(
      "href",
      "https://111.nhs.uk",
    );
    await page.route("https://111.nhs.uk/**", (route) => route.fulfill({ body: "NHS 111" }));
    await page.getByRole("link", { name: "111.nhs.uk" }).click();
    await expect(page).toHaveURL("https://111.nhs.uk/");
  });
});

test("outside the NHS App, its script is never loaded nor allowed", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(STAND_IN)) asked.push(request.url());
  });
  const person = await newPerson("p9");
  await logIn(page, person);
  for (const path of ["/profile", "/auth/no-consent", "/accessibility"]) {
    const response = await page.goto(path);
    await expect(page.locator("script#nhsapp-js")).toHaveCount(0);
    const scripts = /script-src ([^;]*)/.exec(response?.headers()["content-security-policy"] ?? "");
    expect(scripts?.[1], path).toMatch(/^'self' 'nonce-[^']+' 'strict-dynamic'$/);
  }
  expect(asked).toEqual([]);
});

test("opened with ?from=nhsApp, the visit stays inside the app, but no assertion logs anyone in", async ({
  page,
}) => {
  await page.goto("/accessibility?from=nhsApp");
  await expect(page.locator("header")).toHaveCount(0);
  await page.goto("/cookies");
  await expect(page.locator("header")).toHaveCount(0);
  await expect(page.locator("script#nhsapp-js")).toHaveAttribute("src", STAND_IN);

  // Only the app's own user agent lets an assertion log a person in.
  const attacker = await newPersonDetails("p9");
  await openFromNhsApp(page, "/accessibility", attacker.id);
  await expect(page).toHaveURL(`${E2E.portal}/accessibility`);
  await page.goto("/profile");
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/`));
});
