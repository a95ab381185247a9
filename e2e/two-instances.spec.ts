import { expect, test } from "@playwright/test";
import { E2E } from "./support/environment";
import { logIn, logInAtSimulator, newPerson } from "./support/nhs-login";

/**
 * Portal instances behind one address, sharing AUTH_SECRET and a Redis session store, serve any
 * person whichever instance they reached before: nothing about a sign-in or a session lives in
 * one instance's memory.
 */
test("a log-in through one instance is valid on the other", async ({ page }) => {
  await logIn(page, await newPerson("p9"), `${E2E.portal}/profile`);
  // Cookies belong to the host, not the port: the browser sends the same ones to both.
  await page.goto(`${E2E.secondInstance}/profile`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
});

test("a sign-in started on one instance completes on the other", async ({ page }) => {
  const person = await newPerson("p9");
  // Both instances stand behind the same address (AUTH_URL): the second starts the sign-in, and
  // NHS login's redirect back to that address reaches the first.
  await page.goto(`${E2E.secondInstance}/auth/sign-in?returnTo=/profile`);
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/`));
  const callbackOnFirst = page.waitForRequest(`${E2E.portal}/api/auth/callback/nhs-login?**`);
  await logInAtSimulator(page, person);
  await callbackOnFirst;
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
});
