import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E, SHORT_SESSION } from "./support/environment";
import {
  expectNoSession,
  logIn,
  logInAgainAtSimulator,
  logInAtSimulator,
  logOut,
  newPerson,
} from "./support/nhs-login";

/**
 * Sessions the server can end: log-out and "log out of all devices" end the record itself, so a
 * copy of the cookies is worthless afterwards, on any instance; and sign-ins in several tabs.
 */

async function newBrowserPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** One person logged in twice: in this test's browser and in another one. */
async function loggedInHereAndElsewhere(page: Page, browser: Browser) {
  const person = await newPerson("p9");
  const elsewhere = await newBrowserPage(browser);
  await logIn(elsewhere, person);
  await logIn(page, person);
  return { person, elsewhere };
}

test("after log-out, the cookies copied before it open nothing, on either instance", async ({
  page,
  browser,
}) => {
  await logIn(page, await newPerson("p9"));
  const copied = await page.context().cookies();
  await logOut(page);

  for (const instance of [E2E.portal, E2E.secondInstance]) {
    const thief = await newBrowserPage(browser);
    await thief.context().addCookies(copied);
    await expectNoSession(thief, instance);
    await thief.context().close();
  }
});

test("each log-in and each uplift gets a new session id, and the old one ends", async ({
  page,
  browser,
}) => {
  const person = await newPerson("p5");
  await logIn(page, person, "/gp-practice");
  const sessionCookie = async () =>
    (await page.context().cookies()).find((cookie) => cookie.name === "portal.session")!;
  const beforeUplift = await sessionCookie();

  await page.goto("/gp-online-services");
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(`${E2E.portal}/gp-online-services`);
  const afterUplift = await sessionCookie();
  expect(afterUplift.value).not.toBe(beforeUplift.value);

  const old = await newBrowserPage(browser);
  await old.context().addCookies([beforeUplift]);
  await expectNoSession(old);
  await old.context().close();
});

test("log out of all devices ends the person's session in every other browser", async ({
  page,
  browser,
}) => {
  const { person, elsewhere } = await loggedInHereAndElsewhere(page, browser);

  await page.getByTestId("log-out-everywhere-link").click();
  await expect(page).toHaveURL(`${E2E.portal}/auth/logout-everywhere`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log out of all devices");
  await expectAccessible(page);
  await page.getByTestId("log-out-everywhere").click();
  await expect(page).toHaveURL(`${E2E.portal}/auth/logged-out`);
  await expect(page.locator("main")).toContainText("on all your devices");
  // Said once: the outcome came from the log-out, not from the address.
  await page.reload();
  await expect(page.locator("main")).not.toContainText("on all your devices");
  await expectNoSession(page);

  // The other browser is sent to a full log-in, and told why once it is back.
  const authorization = elsewhere.waitForRequest(`${E2E.simulator}/authorize?**`);
  await elsewhere.goto(`${E2E.portal}/profile`);
  expect(new URL((await authorization).url()).searchParams.get("prompt")).toBe("login");
  await logInAtSimulator(elsewhere, person);
  await expect(elsewhere).toHaveURL(`${E2E.portal}/profile`);
  await expect(elsewhere.getByTestId("timeout-reason")).toHaveText(
    "For your security, we logged you out because you chose to log out of all devices.",
  );
  await elsewhere.context().close();
});

test("log out of all devices from a session that has already ended does not claim it worked", async ({
  page,
  browser,
}) => {
  const { elsewhere } = await loggedInHereAndElsewhere(page, browser);
  await page.goto("/auth/logout-everywhere");
  // This browser's session ends in another tab before the person confirms.
  const logOut = await page.request.post("/auth/logout", {
    maxRedirects: 0,
    headers: { origin: new URL(E2E.portal).origin },
  });
  expect(logOut.status()).toBe(303);

  await page.getByTestId("log-out-everywhere").click();
  await expect(page).toHaveURL(`${E2E.portal}/auth/logged-out`);
  await expect(page.locator("main")).not.toContainText("on all your devices");
  await expect(page.getByTestId("not-everywhere")).toContainText("log in again");
  // The other browser's session was not this request's to end, and is still there.
  await elsewhere.goto(`${E2E.portal}/profile`);
  await expect(elsewhere).toHaveURL(`${E2E.portal}/profile`);
  await elsewhere.context().close();
});

for (const order of [
  ["first", "second"],
  ["second", "first"],
] as const) {
  test(`sign-ins in two tabs both finish, the ${order[0]} tab's first`, async ({ page }) => {
    const person = await newPerson("p9");
    const tabs = {
      first: { page, path: "/gp-practice" },
      second: { page: await page.context().newPage(), path: "/profile" },
    };
    for (const tab of Object.values(tabs)) {
      await tab.page.goto(tab.path);
      await expect(tab.page).toHaveURL(new RegExp(`^${E2E.simulator}/`));
    }
    for (const name of order) {
      const tab = tabs[name];
      await logInAgainAtSimulator(tab.page, person);
      await expect(tab.page).toHaveURL(`${E2E.portal}${tab.path}`);
      await expect(tab.page.getByRole("navigation", { name: "Account" })).toContainText("Log out");
    }
  });
}

test("a log-in whose session never reached the browser leaves no session behind", async ({
  page,
  browser,
}) => {
  const person = await newPerson("p9");
  await logIn(page, person);
  const sessionCookie = async () =>
    (await page.context().cookies()).find((cookie) => cookie.name === "portal.session")!;
  const first = await sessionCookie();
  // A log-in again whose answer the browser keeps (as if the network had lost it, the test puts
  // the earlier cookie back): the session it opened is out of this browser's reach.
  await page.goto("/auth/sign-in?renew=1&returnTo=/profile");
  await logInAgainAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  const lost = await sessionCookie();
  await page.context().addCookies([first]);

  await page.goto("/auth/sign-in?renew=1&returnTo=/profile");
  await logInAgainAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  const kept = await sessionCookie();

  for (const [cookie, live] of [
    [lost, false],
    [first, false],
    [kept, true],
  ] as const) {
    const other = await newBrowserPage(browser);
    await other.context().addCookies([cookie]);
    await other.goto(`${E2E.portal}/profile`);
    if (live) await expect(other).toHaveURL(`${E2E.portal}/profile`);
    else await expect(other).toHaveURL(new RegExp(`^${E2E.simulator}/`));
    await other.context().close();
  }
});

test("one NHS login account keeps a bounded number of sessions: a new one ends the oldest", async ({
  browser,
}) => {
  // The instance with shortened limits allows two sessions per account.
  const portal = E2E.shortSessionPortal;
  const person = await newPerson("p0");
  const browsers: Page[] = [];
  for (let i = 0; i <= SHORT_SESSION.maxPerAccount; i++) {
    const page = await newBrowserPage(browser);
    await page.goto(`${portal}/profile`);
    await logInAtSimulator(page, person);
    await expect(page).toHaveURL(`${portal}/profile`);
    browsers.push(page);
  }
  const [oldest, ...rest] = browsers;
  await oldest!.goto(`${portal}/profile`);
  await expect(oldest!).toHaveURL(new RegExp(`^${E2E.simulator}/`));
  for (const page of rest) {
    await page.goto(`${portal}/profile`);
    await expect(page).toHaveURL(`${portal}/profile`);
  }
  for (const page of browsers) await page.context().close();
});
