import { expect, test, type Page } from "@playwright/test";
import { formatNhsNumber } from "nhs-login-vocabulary";
import { DETAIL_LABELS, formatBirthdate, formatPhoneNumber } from "../lib/patient-display";
import { logIn, newPersonDetails } from "./support/nhs-login";
import { expectedSurgery } from "./support/surgeries";

/**
 * Each thing the portal shows about a person has one label and is written one way on every page
 * that shows it: a page that says "Phone" where another says "Phone number", or writes a number
 * another groups, fails here.
 */
const PAGES = ["/profile", "/gp-practice", "/nhs-record"];

/** The page's summary list, label to text as a person reads it (a line break as a new line). */
async function detailsOn(page: Page, path: string): Promise<Map<string, string>> {
  await page.goto(path);
  const rows = await page
    .locator(".nhsuk-summary-list__row")
    .evaluateAll((elements) =>
      elements.map((row) => [
        row.querySelector("dt")?.textContent?.trim() ?? "",
        (row.querySelector("dd") as HTMLElement | null)?.innerText.trim() ?? "",
      ]),
    );
  return new Map(rows as Array<[string, string]>);
}

test("every page labels and writes each detail the same way", async ({ page }) => {
  const person = await newPersonDetails("p9");
  const { givenName, familyName, birthdate, nhsNumber, gpOdsCode } = person.demographics!;
  await logIn(page, person.id);
  const shown = new Map<string, Map<string, string>>();
  for (const path of PAGES) shown.set(path, await detailsOn(page, path));

  const labels: string[] = Object.values(DETAIL_LABELS);
  for (const [path, details] of shown) {
    for (const label of details.keys())
      expect(labels, `${path} labels "${label}"`).toContain(label);
  }

  // The person's own details (this person's NHS record matches NHS login), wherever shown.
  const surgery = expectedSurgery(gpOdsCode!);
  const expected: Record<string, string> = {
    [DETAIL_LABELS.name]: `${givenName} ${familyName}`,
    [DETAIL_LABELS.birthdate]: formatBirthdate(birthdate),
    [DETAIL_LABELS.nhsNumber]: formatNhsNumber(nhsNumber),
    [DETAIL_LABELS.email]: person.email,
    [DETAIL_LABELS.gpSurgery]: `${surgery.name}\n${DETAIL_LABELS.gpSurgeryCode} ${gpOdsCode}`,
  };
  for (const [label, value] of Object.entries(expected)) {
    const pages = PAGES.filter((path) => shown.get(path)!.has(label));
    expect(pages.length, `"${label}" is on more than one page`).toBeGreaterThan(1);
    for (const path of pages)
      expect(shown.get(path)!.get(label), `${label} on ${path}`).toBe(value);
  }
  // The phone number is the person's on the profile and the record, the surgery's on its page.
  for (const path of ["/profile", "/nhs-record"]) {
    expect(shown.get(path)!.get(DETAIL_LABELS.phone), path).toBe(
      formatPhoneNumber(person.phoneNumber),
    );
  }
  expect(shown.get("/gp-practice")!.get(DETAIL_LABELS.phone)).toBe(
    formatPhoneNumber(surgery.phone!),
  );
});
