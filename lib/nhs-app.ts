/**
 * Knowing that a page is open inside the NHS App, where the app draws its own header, owns the
 * person's account and offers its JavaScript API (docs/how-it-works.md, "Inside the NHS App").
 */

/** Where the NHS App serves its JavaScript API (v2), which defines `window.nhsapp`. */
export const NHS_APP_SCRIPT_URL = "https://www.nhsapp.service.nhs.uk/js/v2/nhsapp.js";

/** Where the simulator serves its stand-in for that script, on its own origin. */
export const SIMULATOR_NHS_APP_SCRIPT_PATH = "/nhs-app/js/v2/nhsapp.js";

/** The NHS App's home on the web: where "Go back to the NHS App" leads when its script cannot. */
export const NHS_APP_HOME = "https://www.nhsapp.service.nhs.uk/";

/**
 * The NHS App's web view says who it is in its user agent. Only this may let an assertion log a
 * person in (lib/sign-in/start.ts): a link can carry `?from=nhsApp` to any browser.
 */
export function isNhsApp(userAgent: string | null): boolean {
  return userAgent !== null && /nhsapp-(ios|android)/i.test(userAgent);
}

/**
 * The NHS App's way of saying so for web views that lose its part of the user agent: the app
 * opens the service with `?from=nhsApp`, and the portal keeps it for the rest of the visit.
 */
export const FROM_NHS_APP = { name: "from", value: "nhsApp" } as const;

/**
 * Set by the route gate on every page request it passes on: "1" when the page is open inside
 * the NHS App, by its user agent or by `?from=nhsApp` on the way in. Never taken from the
 * browser: the gate removes any it sent.
 */
export const INSIDE_NHS_APP_HEADER = "x-portal-inside-nhs-app";

/** What a link does inside the NHS App, when the app's script is there to do it. */
export type NhsAppLinkAction = "home" | "uplift";

/** The attribute that tells components/nhs-app-bridge.tsx what a link does inside the app. */
export function inNhsApp(action: NhsAppLinkAction): { "data-nhs-app": NhsAppLinkAction } {
  return { "data-nhs-app": action };
}

/** The id of the NHS App's script element, which the bridge waits for. */
export const NHS_APP_SCRIPT_ID = "nhsapp-js";
