import { expect, type Page } from "@playwright/test";
import { SimulatorControl } from "../../simulator/control";
import type { FaultName } from "../../simulator/faults";
import { E2E } from "./environment";

export const simulator = new SimulatorControl(E2E.simulator);

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

/** Opens a page of the portal and logs in as the person on the way. */
export async function logIn(page: Page, persona: string, path = "/profile"): Promise<void> {
  await page.goto(path);
  await logInAtSimulator(page, persona);
  await expect(page).toHaveURL(new URL(path, page.url()).href);
}

export async function expectNoSession(page: Page, base = E2E.portal): Promise<void> {
  await page.goto(`${base}/profile`);
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/`));
}

export async function expectErrorPage(page: Page, heading: string): Promise<void> {
  await expect(page).toHaveURL(/\/auth\/error\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.getByTestId("error-reference")).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
}
