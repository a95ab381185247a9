import { expect, type Page } from "@playwright/test";
import { SimulatorControl } from "../../simulator/control";
import type { FaultName } from "../../simulator/faults";
import { E2E } from "./environment";
import { expectLogged, type LogEntry } from "./portal-log";

export const simulator = new SimulatorControl(E2E.simulator);

/** The error page's headings for a refused sign-in and for NHS login being unavailable. */
export const REFUSED = "Sorry, we could not log you in";
export const UNAVAILABLE = "Sorry, NHS login is not available at the moment";

/** A person of their own for each test, copied from one of the simulator's personas. */
export async function newPerson(template: string): Promise<string> {
  return (await newPersonDetails(template)).id;
}

export function newPersonDetails(template: string) {
  return simulator.createPersona(template);
}

export function injectFault(persona: string, fault: FaultName, delayMs?: number): Promise<unknown> {
  return simulator.injectFault({ persona, fault, ...(delayMs ? { delayMs } : {}) });
}

/** On the simulator's log-in page: log in as the person and, unless told otherwise, agree to share. */
export async function logInAtSimulator(
  page: Page,
  persona: string,
  { consent = true }: { consent?: boolean } = {},
): Promise<void> {
  await expect(page.getByTestId("simulator-banner")).toBeVisible();
  await page.getByTestId(`login-as-${persona}`).click();
  if (consent) await page.getByTestId("consent-agree").click();
}

/** Back at the simulator after a failed sign-in: it may remember the person, and only ask to share. */
export async function logInAgainAtSimulator(page: Page, persona: string): Promise<void> {
  const login = page.getByTestId(`login-as-${persona}`);
  const agree = page.getByTestId("consent-agree");
  await expect(login.or(agree)).toBeVisible();
  if (await login.isVisible()) await login.click();
  await agree.click();
}

/** Opens a page of the portal and logs in as the person on the way. */
export async function logIn(page: Page, persona: string, path = "/profile"): Promise<void> {
  await page.goto(path);
  await logInAtSimulator(page, persona);
  await expect(page).toHaveURL(new URL(path, page.url()).href);
}

/** Logs out with the header's control, as a person does, and lands on the logged-out page. */
export async function logOut(page: Page, base = E2E.portal): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(`${base}/auth/logged-out`);
}

/** A gated page sends the person to NHS login: the portal holds no session for them. */
export async function expectNoSession(
  page: Page,
  base = E2E.portal,
  nhsLogin = E2E.simulator,
): Promise<void> {
  await page.goto(`${base}/profile`);
  await expect(page).toHaveURL(new RegExp(`^${nhsLogin}/`));
}

/**
 * The NHS-styled error page, with a reference the person can read out, and the line in the
 * portal's log that the reference leads an operator to.
 */
export async function expectErrorPage(page: Page, heading: string): Promise<LogEntry> {
  await expect(page).toHaveURL(/\/auth\/error\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  const reference = page.getByTestId("error-reference");
  await expect(reference).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const logged = await expectLogged(new URL(page.url()).origin, (await reference.textContent())!);
  expect(["warn", "error", "info"]).toContain(logged.level);
  return logged;
}
