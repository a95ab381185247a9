import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "./support/environment";
import {
  expectErrorPage,
  expectNoSession,
  injectFault,
  logIn,
  logInAtSimulator,
  logOut,
  newPerson,
  REFUSED,
} from "./support/nhs-login";

/**
 * What a security review of the sign-in found, each proved closed against the running portal
 * (the portal's side of docs/security.md's "Security review" rows).
 */

const DOT_SEGMENT_ADDRESSES = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/a/..//evil.example",
  "/profile/../..//evil.example",
];
const ROUTES_WITH_A_RETURN_ADDRESS = [
  "/auth/sign-in",
  "/auth/uplift",
  "/auth/timed-out",
  "/auth/error",
  "/auth/switch-account",
];

async function expectStaysOnSite(request: APIRequestContext, path: string): Promise<void> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBeLessThan(500);
  const location = response.headers()["location"];
  if (location) {
    const target = new URL(location, E2E.portal);
    expect([new URL(E2E.portal).origin, new URL(E2E.simulator).origin], path).toContain(
      target.origin,
    );
  }
  const body = await response.text();
  expect(body, path).not.toMatch(/href="(https?:)?\/\/evil/);
}

for (const loggedIn of [false, true]) {
  test(`no redirect off the site through dot segments, ${loggedIn ? "logged in" : "logged out"}`, async ({
    page,
  }) => {
    if (loggedIn) await logIn(page, await newPerson("p5"));
    for (const route of ROUTES_WITH_A_RETURN_ADDRESS) {
      for (const address of DOT_SEGMENT_ADDRESSES) {
        await expectStaysOnSite(page.request, `${route}?returnTo=${encodeURIComponent(address)}`);
      }
    }
  });
}

test("after log-out, a log-in with prompt=login removed from NHS login's address is refused", async ({
  page,
}) => {
  const person = await newPerson("p9");
  await logIn(page, person);
  await logOut(page);

  // The portal asks for a fresh log-in; someone at the keyboard strips it out on the way.
  const start = await page.request.get("/auth/sign-in?returnTo=/profile", { maxRedirects: 0 });
  const authorize = new URL(start.headers()["location"]!);
  expect(authorize.searchParams.get("prompt")).toBe("login");
  authorize.searchParams.delete("prompt");
  await page.goto(authorize.href);
  // NHS login's single sign-on hands back the earlier log-in: the portal refuses it.
  const consent = page.getByTestId("consent-agree");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(consent.or(heading.filter({ hasText: "You need to log in again" }))).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(page).toHaveURL(/\/auth\/error\?code=reauthentication_required/);
  await expect(heading).toHaveText("You need to log in again");
  await page.goto("/profile");
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/`));

  // Only a real log-in clears the requirement.
  const marks = async () =>
    (await page.context().cookies()).filter(({ name }) => name === "portal.reauthenticate");
  expect(await marks()).toHaveLength(1);
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  expect(await marks()).toHaveLength(0);
});

test("after log-out, an ID token that does not say when the person authenticated is refused", async ({
  page,
}) => {
  const person = await newPerson("p9");
  await logIn(page, person);
  await logOut(page);

  await injectFault(person, "id_token_missing_auth_time");
  await page.goto("/profile");
  await logInAtSimulator(page, person);
  const logged = await expectErrorPage(page, REFUSED);
  expect(logged.reason).toBe("auth-time-missing");
  await expectNoSession(page);
});

test("a log-out mark that cannot be read (sealed before a secret was rotated) still asks for a fresh log-in", async ({
  page,
}) => {
  await page
    .context()
    .addCookies([
      { name: "portal.reauthenticate", value: "sealed.with.an-old-secret", url: E2E.portal },
    ]);
  const authorization = page.waitForRequest(`${E2E.simulator}/authorize?**`);
  await page.goto("/profile");
  expect(new URL((await authorization).url()).searchParams.get("prompt")).toBe("login");
});

test("a kept copy of a sign-in attempt cannot complete a second sign-in", async ({
  page,
  browser,
}) => {
  const person = await newPerson("p9");
  await page.goto("/profile");
  await page.getByTestId(`login-as-${person}`).click();
  // The attempt's cookie, copied on its way through, before NHS login sends the person back.
  const attempt = (await page.context().cookies()).filter(({ name }) =>
    name.startsWith("portal.sign-in"),
  );
  expect(attempt).toHaveLength(1);
  const callback = page.waitForRequest(/\/api\/auth\/callback\/nhs-login\?code=/);
  await page.getByTestId("consent-agree").click();
  const callbackUrl = (await callback).url();
  await expect(page).toHaveURL(/\/profile$/);

  const other = await browser.newContext();
  await other.addCookies(attempt);
  const copy = await other.newPage();
  await copy.goto(callbackUrl);
  const logged = await expectErrorPage(copy, REFUSED);
  expect(logged.event).toBe("callback-replayed");
  await expectNoSession(copy);
  await other.close();
});

test("a gated address with a query string is the page it names, for each level", async ({
  page,
}) => {
  const person = await newPerson("p5");
  await page.goto("/profile?from=email");
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/`));
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.portal}/profile?from=email`);
  // A P9 page asked for with a query string: the P5 session is lifted, not looped.
  await page.goto("/nhs-record?from=email");
  await expect(page).toHaveURL(/\/auth\/uplift\?/);
});

test("a link to the logged-out page does not tell a person who is logged in that they are not", async ({
  page,
}) => {
  await logIn(page, await newPerson("p5"));
  for (const path of ["/auth/logged-out", "/auth/logged-out?everywhere=true"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(`${E2E.portal}/profile`);
  }
});

test("the logged-out page says every device was logged out only to whoever did it, once", async ({
  page,
  browser,
}) => {
  // A crafted link says nothing of the kind.
  await page.goto("/auth/logged-out?everywhere=true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are logged out");
  await expect(page.locator("main")).not.toContainText("all your devices");

  // The outcome of a real log-out of all devices, taken from its response, cannot be handed to
  // the page by anyone else: the route gate sets that header itself.
  const someone = await browser.newContext();
  const their = await someone.newPage();
  await logIn(their, await newPerson("p5"));
  const logOut = await their.request.post("/auth/logout", {
    form: { scope: "everywhere" },
    maxRedirects: 0,
    headers: { origin: new URL(E2E.portal).origin },
  });
  expect(logOut.status()).toBe(303);
  const sealed = logOut
    .headersArray()
    .find(({ name, value }) => name === "set-cookie" && value.startsWith("portal.logged-out="))!
    .value.split(";")[0]!
    .split("=")[1]!;
  await someone.close();
  const replayed = await page.request.get("/auth/logged-out", {
    headers: { "x-portal-log-out-outcome": sealed },
  });
  expect(await replayed.text()).not.toContain("all your devices");
});

const METHODS = ["GET", "POST", "PUT", "DELETE"] as const;

test("nothing under /api/auth answers but NHS login's callback, and only to GET", async ({
  request,
}) => {
  for (const path of [
    "/api/auth/session",
    "/api/auth/csrf",
    "/api/auth/providers",
    "/api/auth/signin",
    "/api/auth/signin/nhs-login",
    "/api/auth/signout",
    "/api/auth/error",
    "/api/auth/callback/other",
  ]) {
    for (const method of METHODS) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect([404, 405], `${method} ${path}`).toContain(response.status());
      expect(response.headers()["set-cookie"] ?? "", `${method} ${path}`).not.toContain("session");
    }
  }
  for (const method of ["POST", "PUT", "DELETE"] as const) {
    const response = await request.fetch("/api/auth/callback/nhs-login?code=a&state=b", {
      method,
      maxRedirects: 0,
    });
    expect(response.status(), method).toBe(405);
  }
});

test("the NHS login settings hand-off is a POST from the portal's own pages", async ({ page }) => {
  await logIn(page, await newPerson("p9"));
  expect((await page.request.get("/auth/settings", { maxRedirects: 0 })).status()).toBe(405);
  const crossSite = await page.request.post("/auth/settings", {
    maxRedirects: 0,
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  await page.getByTestId("manage-nhs-login").click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/settings\\?asserted_login_identity=`));
});
