import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/environment";
import { logIn, newPersonDetails } from "./support/nhs-login";

const NHS_APP_USER_AGENT = "Mozilla/5.0 (iPhone) nhsapp-ios/2.0";

/** The simulator playing the NHS App: it opens a page of the portal with an assertion. */
function openFromNhsApp(page: Page, path: string, person: string) {
  const service = encodeURIComponent(`${E2E.portal}${path}`);
  return page.goto(`${E2E.simulator}/nhs-app?service=${service}&persona=${person}`);
}

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
    await page.getByTestId("stay-logged-in").click();
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
    await expect(page.locator(".nhsuk-summary-list")).toContainText(myName);

    // Asked again, and this time the person chooses to switch.
    await openFromNhsApp(page, "/profile", them.id);
    const consent = page.getByTestId("consent-agree");
    const choice = page.getByTestId("switch-account");
    await expect(consent.or(choice)).toBeVisible();
    if (await consent.isVisible()) await consent.click();
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
