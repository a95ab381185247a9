import { expect, test, type Cookie } from "@playwright/test";
import { E2E } from "./support/environment";
import { logInAtSimulator, logOut, newPerson } from "./support/nhs-login";

/**
 * The portal as deployed: behind a TLS terminator, with an https AUTH_URL. Its cookies are
 * Secure and prefixed, it asks browsers for HSTS, and every redirect stays on https.
 */
test.use({ ignoreHTTPSErrors: true, baseURL: E2E.httpsPortal });

const PORTAL_COOKIE = /^(__Host-|__Secure-)?(portal|authjs)\./;

test("over https, pages ask for HSTS and upgrade any insecure request", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["strict-transport-security"]).toBe(
    "max-age=31536000; includeSubDomains",
  );
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("behind the TLS terminator, redirects the portal builds itself stay on https", async ({
  request,
}) => {
  // A refused callback: the error page address comes from the portal, not from next-auth.
  const refused = await request.get("/api/auth/callback/nhs-login?code=abc&state=xyz", {
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(303);
  expect(refused.headers().location).toMatch(new RegExp(`^${E2E.httpsPortal}/auth/error\\?`));
});

test("over https, every cookie the portal sets is Secure, HttpOnly, SameSite=Lax and prefixed", async ({
  page,
  context,
}) => {
  const person = await newPerson("p9");
  await page.goto("/profile");
  const duringSignIn = await context.cookies(E2E.httpsPortal);
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.httpsPortal}/profile`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");

  const portalCookies = [...duringSignIn, ...(await context.cookies(E2E.httpsPortal))].filter(
    (cookie) => PORTAL_COOKIE.test(cookie.name),
  );
  const names = portalCookies.map((cookie) => cookie.name);
  expect(names).toContain("__Host-portal.session");
  expect(names).toContainEqual(expect.stringMatching(/^__Host-portal\.sign-in\.[\w-]{22}$/));
  // next-auth's own cookies stay inside each sign-in attempt and never reach the browser.
  expect(names.filter((name) => name.includes("authjs"))).toEqual([]);
  expectAllSecure(portalCookies);

  // Log out: the mark that makes the next log-in a full one is a secure cookie too, and it works.
  await logOut(page, E2E.httpsPortal);
  const afterLogOut = (await context.cookies(E2E.httpsPortal)).filter((cookie) =>
    PORTAL_COOKIE.test(cookie.name),
  );
  expect(afterLogOut.map((cookie) => cookie.name)).toContain("__Host-portal.reauthenticate");
  expectAllSecure(afterLogOut);
  const authorization = page.waitForRequest(`${E2E.simulator}/authorize?**`);
  await page.goto("/profile");
  expect(new URL((await authorization).url()).searchParams.get("prompt")).toBe("login");
});

function expectAllSecure(cookies: Cookie[]): void {
  for (const cookie of cookies) {
    expect(cookie.name, "prefixed").toMatch(/^(__Host-|__Secure-)/);
    expect(cookie, cookie.name).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    if (cookie.name.startsWith("__Host-")) expect(cookie, cookie.name).toMatchObject({ path: "/" });
  }
}
