import { expect, type Page } from "@playwright/test";
import { E2E } from "./environment";
import { newPerson } from "./nhs-login";

/** The user agent of the NHS App's web view on an iPhone: the portal knows the app by its end. */
export const NHS_APP_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 nhsapp-ios/2.50.0";

/** The simulator playing the NHS App: it opens a page of the portal with an assertion. */
export function openFromNhsApp(page: Page, path: string, person: string, portal = E2E.portal) {
  const service = encodeURIComponent(`${portal}${path}`);
  return page.goto(`${E2E.simulator}/nhs-app?service=${service}&persona=${person}`);
}

/**
 * A new person, copied from a persona, opens a page from the NHS App and agrees to share: where
 * the portal then shows them (the page, or the uplift page above their level).
 */
export async function arriveFromNhsApp(page: Page, template: string, path: string): Promise<void> {
  await openFromNhsApp(page, path, await newPerson(template));
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.portal}/`));
}

export interface AppCall {
  call: string;
  args: unknown[];
}

/** Every call the page made to the simulator's stand-in for the app's JavaScript API. */
export function appCalls(page: Page): Promise<AppCall[]> {
  return page.evaluate(
    () => JSON.parse(sessionStorage.getItem("nhsapp-stand-in-calls") ?? "[]") as AppCall[],
  );
}

/**
 * Waits until the page has connected to the app's script (its first act is to set the app's back
 * action): before that, a click is an ordinary link's, as it is without the script.
 */
export async function expectConnectedToApp(page: Page): Promise<void> {
  await expect
    .poll(async () => (await appCalls(page)).some(({ call }) => call === "setBackAction"))
    .toBe(true);
}

/**
 * Waits until the stand-in has drawn its bar on this page. It draws it at the page's first call,
 * above the page, which moves everything down: a click aimed before then can land on nothing.
 */
export async function expectAppBarDrawn(page: Page): Promise<void> {
  await expect(page.getByTestId("nhs-app-stand-in")).toBeVisible();
}

/** Waits until the page's last call to the app's API is this one. */
export async function expectLastAppCall(page: Page, call: string, args: unknown[] = []) {
  await expect.poll(async () => (await appCalls(page)).at(-1)).toEqual({ call, args });
}

/** Presses the app's own back button, which the stand-in draws above the page. */
export async function pressAppBack(page: Page): Promise<void> {
  await page.getByTestId("nhs-app-back").click();
}
