import { expect, test } from "@playwright/test";
import type { FaultName } from "../simulator/faults";
import { expectAccessible } from "./support/axe";
import {
  expectErrorPage,
  expectNoSession,
  injectFault,
  logInAgainAtSimulator,
  logInAtSimulator,
  newPerson,
  REFUSED,
  UNAVAILABLE,
} from "./support/nhs-login";

/**
 * NHS login misbehaving, one fault at a time: every one ends on an NHS-styled error page with a
 * reference, and without a session.
 */

const FAULTS: ReadonlyArray<{ fault: FaultName; heading: string; delayMs?: number }> = [
  { fault: "authorize_access_denied", heading: "You have not logged in" },
  { fault: "authorize_server_error", heading: UNAVAILABLE },
  { fault: "authorize_temporarily_unavailable", heading: UNAVAILABLE },
  { fault: "authorize_sso_login_required", heading: "You need to log in again" },
  { fault: "authorize_invalid_scope", heading: "Sorry, there is a problem with the service" },
  { fault: "token_server_error", heading: UNAVAILABLE },
  { fault: "token_invalid_grant", heading: REFUSED },
  { fault: "token_slow", heading: UNAVAILABLE, delayMs: 8_000 },
  { fault: "id_token_wrong_iss", heading: REFUSED },
  { fault: "id_token_wrong_aud", heading: REFUSED },
  { fault: "id_token_expired", heading: REFUSED },
  { fault: "id_token_iat_in_future", heading: REFUSED },
  { fault: "id_token_bad_signature", heading: REFUSED },
  { fault: "id_token_alg_none", heading: REFUSED },
  { fault: "id_token_hs512_public_key", heading: REFUSED },
  { fault: "id_token_unknown_kid", heading: REFUSED },
  { fault: "id_token_missing_nonce", heading: REFUSED },
  { fault: "id_token_wrong_nonce", heading: REFUSED },
  { fault: "id_token_unrequested_vot", heading: REFUSED },
  { fault: "id_token_missing_vot", heading: REFUSED },
  { fault: "userinfo_other_sub", heading: REFUSED },
  { fault: "userinfo_unauthorized", heading: REFUSED },
  { fault: "userinfo_server_error", heading: UNAVAILABLE },
];

/** Without JavaScript each error page is walked once: the faults differ only on the server. */
const FIRST_FOR_EACH_PAGE = new Set(
  FAULTS.filter(({ heading }, index) => FAULTS.findIndex((f) => f.heading === heading) === index),
);

for (const entry of FAULTS) {
  const { fault, heading, delayMs } = entry;
  test(`${fault}: no session, and "${heading}"`, async ({ page, javaScriptEnabled }) => {
    test.skip(
      !javaScriptEnabled && !FIRST_FOR_EACH_PAGE.has(entry),
      "the same page is walked without JavaScript for another fault",
    );
    const person = await newPerson("p9");
    await injectFault(person, fault, delayMs);
    await page.goto("/profile");
    await logInAtSimulator(page, person, { consent: !fault.startsWith("authorize_") });
    const logged = await expectErrorPage(page, heading);
    expect(logged.failure ?? logged.cause ?? logged.error, "the log says why").toEqual(
      expect.any(String),
    );
    await expectAccessible(page);
    await expectNoSession(page);
  });
}

test("a callback with no sign-in started is refused", async ({ page }) => {
  await page.goto("/api/auth/callback/nhs-login?code=abc&state=xyz");
  await expectErrorPage(page, REFUSED);
});

test("a replayed callback gives no second session", async ({ page, browser }) => {
  const person = await newPerson("p9");
  await page.goto("/profile");
  await page.getByTestId(`login-as-${person}`).click();
  const callback = page.waitForRequest(/\/api\/auth\/callback\/nhs-login\?code=/);
  await page.getByTestId("consent-agree").click();
  const callbackUrl = (await callback).url();
  await expect(page).toHaveURL(/\/profile$/);

  // The same browser again: its sign-in attempt is used up.
  await page.goto(callbackUrl);
  await expectErrorPage(page, REFUSED);

  // Another browser, with the same code and state: not its sign-in.
  const other = await browser.newPage();
  await other.goto(callbackUrl);
  await expectErrorPage(other, REFUSED);
  await expectNoSession(other);
  await other.close();
});

test("the portal recovers by itself once NHS login answers again", async ({ page }) => {
  const person = await newPerson("p9");
  await injectFault(person, "token_server_error");
  await page.goto("/profile");
  await logInAtSimulator(page, person);
  await expectErrorPage(page, UNAVAILABLE);
  await page.getByTestId("try-again").click();
  await logInAgainAtSimulator(page, person);
  await expect(page).toHaveURL(/\/profile$/);
});
