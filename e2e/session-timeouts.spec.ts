import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E, SHORT_SESSION } from "./support/environment";
import { logInAgainAtSimulator, logInAtSimulator, newPerson } from "./support/nhs-login";

/**
 * NHS login's session rules, on the portal instance with shortened limits (idle 12 s, warning
 * 6 s before, 40 s in all).
 */
const portal = E2E.shortSessionPortal;

async function logInToShortSessionPortal(page: Page): Promise<string> {
  const person = await newPerson("p9");
  await page.goto(`${portal}/profile`);
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${portal}/profile`);
  return person;
}

/** Waits for the portal to send the person to NHS login, and returns what it asked for. */
function nextAuthorizationRequest(page: Page): Promise<URLSearchParams> {
  return page
    .waitForRequest((request) => request.url().startsWith(`${E2E.simulator}/authorize?`), {
      timeout: 60_000,
    })
    .then((request) => new URL(request.url()).searchParams);
}

/** Back at NHS login after a time limit: a full log-in again, then told why, once. */
async function expectFullLogInAgain(page: Page, person: string, why: string): Promise<void> {
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${portal}/profile`);
  await expect(page.getByTestId("timeout-reason")).toHaveText(
    `For your security, we logged you out because ${why}.`,
  );
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  await expect(page.getByTestId("timeout-reason")).toHaveCount(0);
}

test("after the inactivity limit the next request sends the person to log in again", async ({
  page,
}) => {
  test.skip(
    test.info().project.name !== "no-javascript",
    "with JavaScript the page leaves on its own: see below",
  );
  const person = await logInToShortSessionPortal(page);
  await page.waitForTimeout((SHORT_SESSION.idleTimeoutSeconds + 1) * 1000);
  const authorization = nextAuthorizationRequest(page);
  await page.goto(`${portal}/profile`);
  expect((await authorization).get("prompt")).toBe("login");
  await expectFullLogInAgain(
    page,
    person,
    `you had not done anything for ${SHORT_SESSION.idleTimeoutSeconds} seconds`,
  );
});

test("with JavaScript, a warning offers to stay logged in, and at the limit the page goes to NHS login", async ({
  page,
}) => {
  test.skip(test.info().project.name === "no-javascript", "the warning needs JavaScript");
  test.setTimeout(60_000);
  const person = await logInToShortSessionPortal(page);
  const warning = page.getByRole("dialog", { name: "You're about to be logged out" });
  await expect(warning).toBeVisible({ timeout: SHORT_SESSION.idleTimeoutSeconds * 1000 });
  await expectAccessible(page);
  await warning.getByRole("button", { name: "Stay logged in" }).click();
  await expect(warning).toBeHidden();

  // Stayed logged in past the original limit, then left alone until the page leaves by itself.
  const authorization = nextAuthorizationRequest(page);
  expect((await authorization).get("prompt")).toBe("login");
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/`));
  await expectFullLogInAgain(
    page,
    person,
    `you had not done anything for ${SHORT_SESSION.idleTimeoutSeconds} seconds`,
  );
});

test("activity keeps the session alive until the absolute limit", async ({ page }) => {
  test.skip(
    test.info().project.name !== "no-javascript",
    "one browser is enough for a server rule",
  );
  test.setTimeout(90_000);
  const person = await logInToShortSessionPortal(page);
  const authorization = nextAuthorizationRequest(page);
  const deadline = Date.now() + (SHORT_SESSION.maxAgeSeconds + 10) * 1000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(4_000);
    await page.goto(`${portal}/profile`);
    if (page.url().startsWith(E2E.simulator)) break;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  }
  expect((await authorization).get("prompt")).toBe("login");
  await expectFullLogInAgain(
    page,
    person,
    `you had been logged in for ${SHORT_SESSION.maxAgeSeconds} seconds`,
  );
});

test("logging in again through single sign-on does not restart the absolute limit", async ({
  page,
}) => {
  test.skip(
    test.info().project.name !== "no-javascript",
    "one browser is enough for a server rule",
  );
  test.setTimeout(120_000);
  const person = await logInToShortSessionPortal(page);
  // NHS login authenticated the person before now: the limit is at the latest this.
  const started = Date.now();
  const limit = started + SHORT_SESSION.maxAgeSeconds * 1000;

  // Active all along, and half-way through a "log in again" that NHS login's single sign-on
  // answers without asking for login details, as pages that need a fresh ID token offer.
  const freshLogIn = page.waitForRequest(
    (request) =>
      request.url().startsWith(`${E2E.simulator}/authorize?`) &&
      new URL(request.url()).searchParams.get("prompt") === "login",
    { timeout: 100_000 },
  );
  let renewedFrom: number | undefined;
  let sentBackAsked: number | undefined;
  while (Date.now() < limit + 25_000) {
    await page.waitForTimeout(2_000);
    if (renewedFrom === undefined && Date.now() > started + 15_000) {
      renewedFrom = Date.now();
      const renewal = nextAuthorizationRequest(page);
      await page.goto(`${portal}/auth/sign-in?renew=1&returnTo=/profile`);
      expect((await renewal).get("prompt")).toBeNull();
      await logInAgainAtSimulator(page, person);
      await expect(page).toHaveURL(`${portal}/profile`);
      continue;
    }
    const asked = Date.now();
    await page.goto(`${portal}/profile`);
    if (page.url().startsWith(E2E.simulator)) {
      sentBackAsked = asked;
      await freshLogIn;
      break;
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  }
  // Counted from the log-in with login details: a limit restarted by the one through single
  // sign-on could not end before that one began plus the whole limit, however slow the machine.
  expect(renewedFrom).toBeDefined();
  expect(sentBackAsked).toBeDefined();
  expect(sentBackAsked!).toBeLessThan(renewedFrom! + SHORT_SESSION.maxAgeSeconds * 1000);
  await expectFullLogInAgain(
    page,
    person,
    `you had been logged in for ${SHORT_SESSION.maxAgeSeconds} seconds`,
  );
});
