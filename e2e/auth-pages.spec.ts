import { expect, test, type Page } from "@playwright/test";
import { LOGIN_OUTCOMES } from "../lib/login-outcomes";
import { PATIENT_PAGES } from "../lib/patient-pages";
import { expectAccessible } from "./support/axe";
import { E2E } from "./support/environment";
import { logIn, logInAgainAtSimulator, logInAtSimulator, newPerson } from "./support/nhs-login";

/**
 * Every page under /auth/ says what is true for the person now: logged in or not, and at which
 * level. Each is walked logged out and logged in at each level; a page whose words contradict
 * its header (or the header the truth) fails.
 */

const AUTH_PAGES = [
  "/auth/error",
  ...LOGIN_OUTCOMES.map(
    (code) =>
      `/auth/error?${new URLSearchParams({ code, ref: "ABCD-2345", returnTo: "/nhs-record" })}`,
  ),
  "/auth/no-consent",
  "/auth/no-consent?context=nhs-app",
  "/auth/timed-out?reason=idle",
  "/auth/timed-out?reason=max-age&returnTo=%2Fgp-practice",
  "/auth/logged-out",
  "/auth/logout-everywhere",
  "/auth/switch-account",
  ...PATIENT_PAGES.map((page) => `/auth/uplift?${new URLSearchParams({ returnTo: page.path })}`),
  "/auth/uplift?returnTo=%2Fgp-practice&level=P9",
];

/** Words that tell a person they are not logged in. */
const LOGGED_OUT_WORDS =
  /you have (been )?logged out|you have not logged in|not logged in|cannot use this service yet/i;
/** Words that tell a person they are. */
const LOGGED_IN_WORDS = /still logged in|your profile/i;

async function expectHonest(page: Page, path: string, loggedIn: boolean): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  const url = new URL(page.url());
  if (url.origin !== E2E.portal) {
    // Sent to NHS login: right only for someone the page needs to log in.
    expect(loggedIn, `${path} sent a logged-in person to NHS login`).toBe(false);
    expect(url.origin, path).toBe(E2E.simulator);
    return;
  }
  const account = page.getByRole("navigation", { name: "Account" });
  await expect(account, `the header of ${path}`).toHaveCount(loggedIn ? 1 : 0);
  const main = (await page.locator("main").innerText()).replace(/\s+/g, " ");
  if (loggedIn) {
    expect(main, `${path} tells a logged-in person they are not`).not.toMatch(LOGGED_OUT_WORDS);
  } else {
    expect(main, `${path} tells a logged-out person they are logged in`).not.toMatch(
      LOGGED_IN_WORDS,
    );
    await expect(page.locator('main a[href="/profile"]'), path).toHaveCount(0);
  }
}

test("logged out, every auth page says so", async ({ page }) => {
  test.slow();
  for (const path of AUTH_PAGES) await expectHonest(page, path, false);
});

for (const template of ["p0", "p5", "p9", "p9-restricted-at-p5"]) {
  test(`logged in as ${template}, every auth page says so`, async ({ page }) => {
    test.slow();
    await logIn(page, await newPerson(template));
    for (const path of AUTH_PAGES) await expectHonest(page, path, true);
  });
}

test("opened with no outcome, the error page shows a logged-in person where they are", async ({
  page,
}) => {
  await logIn(page, await newPerson("p5"));
  await page.goto("/auth/error");
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
});

test("the timed-out page sends a person who is logged in again on to where they were going", async ({
  page,
}) => {
  await logIn(page, await newPerson("p5"));
  await page.goto("/auth/timed-out?reason=idle&returnTo=%2Fgp-practice");
  await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
});

test("declining to share while raising one's level keeps the person logged in, and says so", async ({
  page,
}) => {
  await logIn(page, await newPerson("p5"));
  await page.goto("/gp-online-services");
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("uplift-continue").click(); // the simulator's identity check
  await page.getByTestId("consent-decline").click();
  await expect(page).toHaveURL(/\/auth\/error\?code=uplift_not_completed/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "You have not proved who you are yet",
  );
  await expect(page.locator("main")).toContainText("You are still logged in");
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Log out");
  await expectAccessible(page);
});

test("after declining to share, the person can try again", async ({ page }) => {
  const person = await newPerson("p9");
  await page.goto("/profile");
  await logInAtSimulator(page, person, { consent: false });
  await page.getByTestId("consent-decline").click();
  await expect(page).toHaveURL(`${E2E.portal}/auth/no-consent`);
  const tryAgain = page.getByTestId("try-again");
  await expect(tryAgain).toHaveText("Continue to NHS login");
  await tryAgain.click();
  await logInAgainAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
});

test("every log-in starts from NHS login's button, as NHS login's guidance asks", async ({
  page,
}) => {
  for (const path of [
    "/",
    "/auth/logged-out",
    "/auth/no-consent",
    "/auth/timed-out?reason=idle",
    ...LOGIN_OUTCOMES.filter((code) => code !== "invalid_scope").map(
      (code) => `/auth/error?code=${code}`,
    ),
  ]) {
    await page.goto(path);
    const starts = page.locator('main a[href^="/auth/sign-in"]');
    await expect(starts, path).not.toHaveCount(0);
    for (const start of await starts.all()) {
      await expect(start, path).toHaveClass(/\bnhsuk-button--login\b/);
      await expect(start, path).toHaveText(/^Continue( to NHS login)?$/);
    }
  }
});
