import { expect, test, type Page } from "@playwright/test";
import { formatNhsNumber } from "nhs-login-vocabulary";
import { formatBirthdate, formatPhoneNumber } from "../lib/patient-display";
import { DIFFERING_FAMILY_NAME, nationalPhoneNumber } from "../simulator/api-platform/patients";
import { expectAccessible } from "./support/axe";
import { expectedSurgery } from "./support/surgeries";
import { E2E } from "./support/environment";
import { injectFault, logIn, logInAgainAtSimulator, newPersonDetails } from "./support/nhs-login";
import { expectLogged } from "./support/portal-log";

/**
 * "Your NHS record": the person's details from the Personal Demographics Service, read as them
 * through the simulator's API platform (token exchange, then PDS), and restricted records kept
 * out of every page.
 */

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const details = (page: Page) => page.locator(".nhsuk-summary-list");

/** The name the page gives a surgery the simulator makes up for an ODS code. */
const surgeryName = (code: string) => expectedSurgery(code).name!;

test("a P9 person sees their NHS record as PDS holds it, with their GP surgery's name", async ({
  page,
}) => {
  const person = await newPersonDetails("p9");
  const { nhsNumber, birthdate, givenName, familyName, gpOdsCode } = person.demographics!;
  await logIn(page, person.id, "/nhs-record");
  await expect(heading(page)).toHaveText("Your NHS record");
  await expect(page).toHaveTitle("Your NHS record – Patient portal – NHS");
  await expect(details(page)).toContainText(`${givenName} ${familyName}`);
  await expect(details(page)).toContainText(formatBirthdate(birthdate));
  await expect(details(page)).toContainText(formatNhsNumber(nhsNumber));
  await expect(page.getByTestId("record-address")).toContainText("Simulation Road");
  await expect(page.getByTestId("record-address")).toContainText("LS99 9SM");
  // The record's current address only, not the one it ended in 2021.
  await expect(details(page)).not.toContainText("Former Lane");
  await expect(page.getByTestId("record-phone")).toHaveText(formatPhoneNumber(person.phoneNumber));
  await expect(page.getByTestId("record-email")).toHaveText(person.email);
  await expect(page.getByTestId("record-gp-surgery")).toContainText(surgeryName(gpOdsCode!));
  await expect(page.getByTestId("record-gp-surgery")).toContainText(gpOdsCode!);
  await expect(page.getByTestId("record-differences")).toHaveCount(0);
  await expectAccessible(page);
});

test("the record is linked from the profile and from the header's navigation", async ({ page }) => {
  const person = await newPersonDetails("p9");
  await logIn(page, person.id);
  await page.getByTestId("what-you-can-do").getByRole("link", { name: "Your NHS record" }).click();
  await expect(page).toHaveURL(`${E2E.portal}/nhs-record`);
  await expect(heading(page)).toHaveText("Your NHS record");
  await page.goto("/gp-practice");
  await page
    .getByRole("navigation", { name: "Menu" })
    .getByRole("link", { name: "Your NHS record" })
    .click();
  await expect(page).toHaveURL(`${E2E.portal}/nhs-record`);
  await expect(page.getByTestId("record-address")).toBeVisible();
});

test("a P5 person is asked to prove who they are before seeing their record", async ({ page }) => {
  const person = await newPersonDetails("p5");
  await logIn(page, person.id, "/gp-practice");
  await page.goto("/nhs-record");
  await expect(page).toHaveURL(/\/auth\/uplift\?returnTo=%2Fnhs-record/);
});

test("where NHS login's details differ from the record, a note says which and what to do", async ({
  page,
}) => {
  const person = await newPersonDetails("p9-record-differs");
  await logIn(page, person.id, "/nhs-record");
  await expect(page.getByTestId("record-differences")).toHaveText(
    "NHS login has a different name and phone number from your NHS record.",
  );
  await expect(page.getByText("contact your GP surgery and ask them to update it")).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage your NHS login" })).toBeVisible();
  // The page shows the record's own details, not NHS login's.
  await expect(details(page)).toContainText(DIFFERING_FAMILY_NAME);
  await expectAccessible(page);
});

type Person = Awaited<ReturnType<typeof newPersonDetails>>;

/** Everything that could say where a person is: from NHS login, PDS and ODS. */
function whereaboutsOf(person: Person): string[] {
  const { gpOdsCode } = person.demographics!;
  return [
    person.phoneNumber,
    nationalPhoneNumber(person.phoneNumber),
    formatPhoneNumber(person.phoneNumber),
    person.email,
    gpOdsCode!,
    surgeryName(gpOdsCode!),
    "Simulation Road",
    "Former Lane",
    "LS99",
  ];
}

const EVERY_PAGE = [
  "/gp-practice",
  "/profile",
  "/nhs-record",
  "/gp-online-services",
  "/",
  "/accessibility",
  "/privacy",
  "/auth/logout-everywhere",
];

/** Each page, as the whole document with the data React sends alongside it, holds none of them. */
async function expectNoneOnAnyPage(page: Page, secrets: string[]): Promise<void> {
  for (const path of EVERY_PAGE) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const html = await page.content();
    for (const secret of secrets) expect(html, `${path} shows ${secret}`).not.toContain(secret);
  }
}

test("a restricted person sees no address, phone, email or GP surgery on any page", async ({
  page,
}) => {
  test.slow(); // every page of the portal, three of them checked with axe
  const person = await newPersonDetails("p9-restricted");
  // The GP surgery page first: nothing is known about the record until a page asks PDS.
  await logIn(page, person.id, "/gp-practice");
  await expect(page.getByTestId("contact-details-hidden")).toHaveText(
    "Your NHS record has extra protection, so we do not show your GP surgery online.",
  );
  await expectAccessible(page);
  await expectNoneOnAnyPage(page, whereaboutsOf(person));
  await page.goto("/nhs-record");
  await expect(details(page)).toContainText(formatNhsNumber(person.demographics!.nhsNumber));
  await expect(page.getByTestId("record-protected")).toContainText(
    "we do not show your address, phone numbers, email address or GP surgery online",
  );
  await expectAccessible(page);
  await page.goto("/profile");
  await expect(page.getByTestId("contact-details-hidden")).toContainText("extra protection");
  // Nor does the profile promise what the other pages will not show.
  const offered = page.getByTestId("what-you-can-do");
  await expect(offered).toContainText("Find out how to register with a GP surgery if you move.");
  await expect(offered).not.toContainText(/address|phone|email|which GP surgery/i);
});

test("a person verified to P9 whose log-in is P5 sees no contact details on any page until they confirm it's them, and none after if restricted", async ({
  page,
}) => {
  test.slow(); // every page of the portal twice, with a log-in to confirm in between
  const person = await newPersonDetails("p9-restricted-at-p5");
  const { givenName, familyName } = person.demographics!;
  await logIn(page, person.id, "/profile");
  const hidden = page.getByTestId("contact-details-hidden");
  await expect(hidden).toHaveAttribute("data-reason", "not-confirmed");
  await expect(hidden).toHaveText(
    "You need to confirm it's you to see your email address and phone number. Confirm it's you",
  );
  await expect(page.locator("main")).toContainText(
    `These are the details NHS login shared with us about ${givenName} ${familyName}.`,
  );
  await expectAccessible(page);
  await page.goto("/gp-practice");
  await expect(hidden).toHaveText(
    "You need to confirm it's you to see your GP surgery. Confirm it's you",
  );
  await expectAccessible(page);
  for (const path of ["/nhs-record", "/gp-online-services"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/auth\/uplift\?/);
    await expect(heading(page)).toHaveText("You need to confirm it's you");
  }
  await expectNoneOnAnyPage(page, whereaboutsOf(person));

  // Confirming it's them is a P9 log-in; PDS then says the record is restricted.
  await page.goto("/gp-practice");
  await hidden.getByRole("link", { name: "Confirm it's you" }).click();
  await expect(page).toHaveURL(`${E2E.portal}/auth/uplift?returnTo=%2Fgp-practice&level=P9`);
  await expect(heading(page)).toHaveText("You need to confirm it's you");
  await expect(page.getByTestId("uplift-purpose")).toContainText(
    "To see which GP surgery you are registered with, NHS login needs you to confirm it's you again.",
  );
  await expectAccessible(page);
  await page.getByTestId("uplift-continue").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it's you");
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
  await expect(hidden).toHaveText(
    "Your NHS record has extra protection, so we do not show your GP surgery online.",
  );
  await expectNoneOnAnyPage(page, whereaboutsOf(person));
});

for (const { template, title, reason } of [
  { template: "p9-not-in-pds", title: "We could not find your NHS record", reason: "not-found" },
  { template: "p9-invalidated", title: "We could not find your NHS record", reason: "invalidated" },
  { template: "p9-superseded", title: "Your NHS number has changed", reason: "superseded" },
]) {
  test(`a record PDS cannot show (${reason}) gets a message with a reference, not an error`, async ({
    page,
  }) => {
    const person = await newPersonDetails(template);
    await logIn(page, person.id, "/gp-online-services");
    const response = await page.goto("/nhs-record");
    expect(response?.status()).toBe(200);
    await expect(heading(page)).toHaveText("Your NHS record");
    await expect(page.getByTestId("nhs-record-problem").getByRole("heading")).toHaveText(title);
    const reference = (await page.getByTestId("error-reference").textContent())!;
    const logged = await expectLogged(E2E.portal, reference);
    expect(logged).toMatchObject({ event: "nhs-api-failed", api: "pds", reason });
    await expectAccessible(page);
    // Other pages carry on, saying why they cannot show contact details.
    await page.goto("/profile");
    await expect(page.getByTestId("contact-details-hidden")).toContainText(
      "we could not find your NHS record",
    );
  });
}

test("once the ID token's hour is up, the person logs in again and sees their record", async ({
  page,
}) => {
  const person = await newPersonDetails("p9");
  await injectFault(person.id, "id_token_short_lived");
  await logIn(page, person.id, "/nhs-record");
  const problem = page.getByTestId("nhs-record-problem");
  await expect(problem.getByRole("heading")).toHaveText("Log in again to see your NHS record");
  await expect(page.getByTestId("error-reference")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByTestId("log-in-again").click();
  await logInAgainAtSimulator(page, person.id);
  await expect(page).toHaveURL(`${E2E.portal}/nhs-record`);
  await expect(page.getByTestId("record-address")).toContainText("Simulation Road");
});

test("the record page is never stored by a browser or a cache on the way", async ({ page }) => {
  const person = await newPersonDetails("p9");
  await logIn(page, person.id);
  const response = await page.goto("/nhs-record");
  expect(response?.headers()["cache-control"]).toContain("no-store");
});
