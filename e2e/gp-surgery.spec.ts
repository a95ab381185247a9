import { expect, test, type Page } from "@playwright/test";
import type { FaultName } from "../simulator/faults";
import { expectAccessible } from "./support/axe";
import { expectedSurgery } from "./support/surgeries";
import { E2E } from "./support/environment";
import { injectFault, logIn, newPersonDetails } from "./support/nhs-login";

/**
 * "Your GP surgery" (P5): the surgery NHS login names, looked up in the Organisation Data
 * Service (the simulator's, by API key); when that fails, the page it was before.
 */

const details = (page: Page) => page.locator(".nhsuk-summary-list");

/** What NHS login shared and nothing more: the page before it looked surgeries up. */
async function expectCodeOnly(page: Page, code: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your GP surgery");
  await expect(details(page)).toContainText("GP surgery code");
  await expect(details(page)).toContainText(code);
  await expect(page.getByTestId("gp-surgery-name")).toHaveCount(0);
}

test("a P5 person sees their GP surgery's name, address and phone number, and its code", async ({
  page,
}) => {
  const person = await newPersonDetails("p5");
  const code = person.demographics!.gpOdsCode!;
  const expected = expectedSurgery(code);
  await logIn(page, person.id, "/gp-practice");
  await expect(page.getByTestId("gp-surgery-name")).toHaveText(expected.name!);
  for (const line of expected.address) {
    await expect(page.getByTestId("gp-surgery-address")).toContainText(line);
  }
  const phone = page.getByTestId("gp-surgery-phone");
  await expect(phone).toHaveText(expected.phone!);
  await expect(phone).toHaveAttribute("href", `tel:${expected.phone!.replace(/\s/g, "")}`);
  await expect(details(page)).toContainText(code);
  await expectAccessible(page);
});

test("a surgery that has closed is shown as closed, with what to do", async ({ page }) => {
  const person = await newPersonDetails("p5-closed-surgery");
  const code = person.demographics!.gpOdsCode!;
  await logIn(page, person.id, "/gp-practice");
  await expect(page.getByRole("heading", { name: "Your GP surgery has closed" })).toBeVisible();
  await expect(page.getByTestId("gp-surgery-closed")).toContainText(
    expectedSurgery(code, { closed: true }).name!,
  );
  await expect(page.getByTestId("gp-surgery-address")).toHaveCount(0);
  await expect(details(page)).toContainText(code);
  await expectAccessible(page);
});

test("a surgery the Organisation Data Service does not know leaves the page as it was", async ({
  page,
}) => {
  const person = await newPersonDetails("p5-unknown-surgery");
  await logIn(page, person.id, "/gp-practice");
  await expectCodeOnly(page, person.demographics!.gpOdsCode!);
});

const ODS_FAULTS: FaultName[] = [
  "ods_unauthorized",
  "ods_rate_limited",
  "ods_server_error",
  "ods_unavailable",
  "ods_slow",
  "ods_down",
];

for (const fault of ODS_FAULTS) {
  test(`${fault}: the page as it was, then the surgery's details again`, async ({ page }) => {
    const person = await newPersonDetails("p5");
    const code = person.demographics!.gpOdsCode!;
    await logIn(page, person.id, "/profile");
    await injectFault(person.id, fault);
    const response = await page.goto("/gp-practice");
    expect(response?.status()).toBe(200);
    await expectCodeOnly(page, code);
    await page.goto("/gp-practice");
    await expect(page.getByTestId("gp-surgery-name")).toHaveText(expectedSurgery(code).name!);
    await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
  });
}
