import { expect, test } from "@playwright/test";
import { E2E, SHORT_SESSION } from "./support/environment";
import { expectNoSession, logInAtSimulator, newPerson } from "./support/nhs-login";

/**
 * NHS login's session rules, on the portal instance with shortened limits (idle 12 s, warning
 * 6 s before, 40 s in all).
 */
const portal = E2E.shortSessionPortal;

async function logInToShortSessionPortal(page: import("@playwright/test").Page) {
  const person = await newPerson("p9");
  await page.goto(`${portal}/profile`);
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${portal}/profile`);
}

test("after the inactivity limit the next request ends the session and says why", async ({
  page,
}) => {
  test.skip(
    test.info().project.name !== "no-javascript",
    "with JavaScript the page leaves on its own: see below",
  );
  await logInToShortSessionPortal(page);
  await page.waitForTimeout((SHORT_SESSION.idleTimeoutSeconds + 1) * 1000);
  await page.goto(`${portal}/profile`);
  await expect(page).toHaveURL(/\/auth\/timed-out\?reason=idle/);
  await expect(page.getByTestId("timeout-reason")).toHaveText(
    `For your security, we logged you out because you had not done anything for ${SHORT_SESSION.idleTimeoutSeconds} seconds.`,
  );
  await expectNoSession(page, portal);
});

test("with JavaScript, a warning offers to stay logged in, and the page leaves at the limit", async ({
  page,
}) => {
  test.skip(test.info().project.name === "no-javascript", "the warning needs JavaScript");
  test.setTimeout(60_000);
  await logInToShortSessionPortal(page);
  const warning = page.getByRole("dialog", { name: "You're about to be logged out" });
  await expect(warning).toBeVisible({ timeout: SHORT_SESSION.idleTimeoutSeconds * 1000 });
  await warning.getByRole("button", { name: "Stay logged in" }).click();
  await expect(warning).toBeHidden();

  // Stayed logged in past the original limit, then left alone until the page leaves by itself.
  await expect(page).toHaveURL(/\/auth\/timed-out\?reason=idle/, {
    timeout: (SHORT_SESSION.idleTimeoutSeconds + 5) * 1000,
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have been logged out");
});

test("activity keeps the session alive until the absolute limit", async ({ page }) => {
  test.skip(
    test.info().project.name !== "no-javascript",
    "one browser is enough for a server rule",
  );
  test.setTimeout(90_000);
  await logInToShortSessionPortal(page);
  const deadline = Date.now() + (SHORT_SESSION.maxAgeSeconds + 10) * 1000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(4_000);
    await page.goto(`${portal}/profile`);
    if (page.url().includes("/auth/timed-out")) break;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  }
  await expect(page).toHaveURL(/\/auth\/timed-out\?reason=max-age/);
  await expect(page.getByTestId("timeout-reason")).toContainText(
    `you had been logged in for ${SHORT_SESSION.maxAgeSeconds} seconds`,
  );
});
