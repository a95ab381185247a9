import { expect, test } from "@playwright/test";
import { E2E } from "./support/environment";
import { logInAtSimulator, newPerson } from "./support/nhs-login";

/**
 * The portal as deployed: behind a TLS terminator, with an https AUTH_URL. Its cookies are
 * Secure and prefixed, it asks browsers for HSTS, and every redirect stays on https.
 */
test.use({ ignoreHTTPSErrors: true, baseURL: E2E.httpsPortal });
test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, "HTTP-level checks run once");

const PORTAL_COOKIE = /^(__Host-|__Secure-)?(portal|authjs)\./;

test("over https, pages ask for HSTS and upgrade any insecure request", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["strict-transport-security"]).toBe(
    "max-age=31536000; includeSubDomains",
  );
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
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
  expect(names).toContain("__Host-portal.sign-in");
  for (const cookie of portalCookies) {
    expect(cookie.name, "prefixed").toMatch(/^(__Host-|__Secure-)/);
    expect(cookie, cookie.name).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    if (cookie.name.startsWith("__Host-")) expect(cookie, cookie.name).toMatchObject({ path: "/" });
  }
});
