import { expect, test } from "@playwright/test";
import { E2E } from "./support/environment";
import { newPersonDetails } from "./support/nhs-login";

const NHS_APP_USER_AGENT = "Mozilla/5.0 (iPhone) nhsapp-ios/2.0";

test("the NHS App opens a page with the person already logged in", async ({ page }) => {
  const { id: person, demographics } = await newPersonDetails("p9");
  await page.goto(
    `${E2E.simulator}/nhs-app?service=${encodeURIComponent(`${E2E.portal}/gp-practice`)}`,
  );
  await page.getByTestId(`nhs-app-as-${person}`).click();
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
  await expect(page.locator(".nhsuk-summary-list")).toContainText(demographics!.gpOdsCode!);
});

test("a failed silent log-in from the NHS App sends the person back to it", async ({ page }) => {
  await page.goto("/profile?assertedLoginIdentity=not-a-real-token");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You need to log in again");
  await expect(page.getByTestId("back-to-nhs-app")).toBeVisible();
});

test.describe("inside the NHS App", () => {
  test.use({ userAgent: NHS_APP_USER_AGENT });

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
});
