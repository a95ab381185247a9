import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E } from "./support/environment";
import { formatNhsNumber } from "nhs-login-vocabulary";
import { formatBirthdate, formatPhoneNumber } from "../lib/patient-display";
import {
  expectNoSession,
  logIn,
  logInAtSimulator,
  logOut,
  newPerson,
  newPersonDetails,
} from "./support/nhs-login";

/** NHS login's conformance scenarios for this portal's levels, against the simulator. */

test("a P0 person reaches their profile, which explains what they have not shared", async ({
  page,
}) => {
  const person = await newPerson("p0");
  await logIn(page, person);
  await expect(page).toHaveTitle("Your profile – Patient portal – NHS");
  const details = page.locator(".nhsuk-summary-list");
  await expect(details).toContainText(`${person}@simulator.example`);
  await expect(details).toContainText(
    "Low: your email address and mobile phone number are confirmed",
  );
  await expect(details).toContainText("Not shared yet");
  await expect(page.locator(".nhsuk-inset-text")).toContainText("you have not proved who you are");
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Log out");
  await expectAccessible(page);
});

test("a P9 person reaches every page without being asked to uplift", async ({ page }) => {
  const { id: person, demographics, phoneNumber } = await newPersonDetails("p9");
  if (!demographics) throw new Error("a P9 persona has demographics");
  await logIn(page, person, "/gp-online-services");
  await expect(page.getByTestId("gp-online-services-status")).toContainText(
    "did not share GP online services account details",
  );
  await expectAccessible(page);
  await page.goto("/gp-practice");
  await expect(page.locator(".nhsuk-summary-list")).toContainText(demographics.gpOdsCode!);
  await expectAccessible(page);
  await page.goto("/profile");
  const details = page.locator(".nhsuk-summary-list");
  await expect(details).toContainText(`${demographics.givenName} ${demographics.familyName}`);
  await expect(details).toContainText(formatNhsNumber(demographics.nhsNumber!));
  await expect(details).toContainText(formatBirthdate(demographics.birthdate!));
  await expect(details).toContainText(formatPhoneNumber(phoneNumber));
  await expect(details).toContainText(/Phone number07\d{3} \d{6}Identity/);
  await expect(details).toContainText("High: your identity has been checked against your photo ID");
});

test("a P5 person reaches the P5 page, and uplifts to P9 for the P9 page", async ({ page }) => {
  const { id: person, demographics } = await newPersonDetails("p5");
  await logIn(page, person, "/gp-practice");
  await expect(page.locator(".nhsuk-summary-list")).toContainText(demographics!.gpOdsCode!);

  await page.goto("/gp-online-services");
  await expect(page).toHaveURL(/\/auth\/uplift\?returnTo=%2Fgp-online-services/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You need to prove who you are");
  await expect(page).toHaveTitle("You need to prove who you are – Patient portal – NHS");
  await expectAccessible(page);
  await page.getByTestId("uplift-continue").click();

  await page.getByTestId("uplift-continue").click(); // the simulator's identity check
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(`${E2E.portal}/gp-online-services`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("GP online services");
});

test("a P0 person uplifts to P5 for the GP surgery page", async ({ page }) => {
  const person = await newPerson("p0-uplift");
  await logIn(page, person);
  await page.goto("/gp-practice");
  await expect(page).toHaveURL(/\/auth\/uplift/);
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(`${E2E.portal}/gp-practice`);
  await expect(page.locator(".nhsuk-summary-list")).toContainText("GP surgery code");
});

test("a person who abandons uplift is told so, stays logged in at their level, and finds their way back", async ({
  page,
}) => {
  const person = await newPerson("p0-uplift");
  await logIn(page, person);
  await page.goto("/gp-online-services");
  await page.getByTestId("uplift-continue").click();
  await page.getByTestId("uplift-abandon").click();

  await expect(page).toHaveURL(/\/auth\/error\?.*code=uplift_not_completed/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "You have not proved who you are yet",
  );
  const main = page.locator("main");
  await expect(main).toContainText(
    "so you cannot go on to check whether this service can connect to your GP online services account yet",
  );
  await expect(main).toContainText("You are still logged in");
  await expect(main).not.toContainText("not logged in");
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Log out");
  await expect(page.getByTestId("error-reference")).toBeVisible();
  await expect(page.getByTestId("try-again")).toHaveAttribute(
    "href",
    "/auth/uplift?returnTo=%2Fgp-online-services",
  );
  await expectAccessible(page);

  await page.getByTestId("way-back").click();
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  await expect(page.locator(".nhsuk-summary-list")).toContainText(
    "Low: your email address and mobile phone number are confirmed",
  );
  await page.goto("/gp-online-services");
  await expect(page).toHaveURL(/\/auth\/uplift\?returnTo=%2Fgp-online-services/);
});

test("from the profile, a P9 person reaches every page by following links alone", async ({
  page,
}) => {
  await logIn(page, await newPerson("p9"));
  const pages = [
    { link: "Your GP surgery", url: "/gp-practice" },
    { link: "GP online services", url: "/gp-online-services" },
    { link: "Your NHS record", url: "/nhs-record" },
  ];
  for (const { link, url } of pages) {
    await page.getByTestId("what-you-can-do").getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(`${E2E.portal}${url}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(link);
    await page
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: "Your profile" })
      .click();
    await expect(page).toHaveURL(`${E2E.portal}/profile`);
  }
  // The header's navigation leads to the same pages, and marks the one being shown.
  for (const { link, url } of [{ link: "Your profile", url: "/profile" }, ...pages]) {
    const menu = page.getByRole("navigation", { name: "Menu" });
    await menu.getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(`${E2E.portal}${url}`);
    await expect(menu.getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
    await expect(menu.locator("[aria-current]")).toHaveCount(1);
  }
});

test("on a small phone, the sections that do not fit are behind More", async ({ page }) => {
  test.skip(
    test.info().project.use.javaScriptEnabled === false,
    "without JavaScript every section shows, wrapped",
  );
  await page.setViewportSize({ width: 320, height: 800 });
  await logIn(page, await newPerson("p9"));
  const menu = page.getByRole("navigation", { name: "Menu" });
  const more = menu.getByRole("button", { name: "Browse More" });
  await expect(more).toBeVisible();
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await more.click();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  await menu.getByRole("link", { name: "GP online services" }).click();
  await expect(page).toHaveURL(`${E2E.portal}/gp-online-services`);
});

test("a P5 person sees the P9 page offered, and reaches the uplift page by a link that says what it is for", async ({
  page,
}) => {
  await logIn(page, await newPerson("p5"));
  const offered = page.getByTestId("what-you-can-do").locator(".nhsuk-card", {
    hasText: "GP online services",
  });
  await expect(offered).toContainText("You need to prove who you are to see this.");
  await expect(
    page.getByTestId("what-you-can-do").locator(".nhsuk-card", { hasText: "Your GP surgery" }),
  ).not.toContainText("You need to");
  await offered.getByRole("link", { name: "GP online services" }).click();

  await expect(page).toHaveURL(`${E2E.portal}/auth/uplift?returnTo=%2Fgp-online-services`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You need to prove who you are");
  await expect(page.getByTestId("uplift-purpose")).toHaveText(
    "To check whether this service can connect to your GP online services account, we need to be sure it's you.",
  );
  await expectAccessible(page);
});

test("GP online services are linked only with valid IM1 details", async ({ browser }) => {
  for (const [template, expected] of [
    ["p9-im1", "so this service can connect to your GP surgery"],
    ["p9-im1-invalid", "do not match your GP surgery"],
  ] as const) {
    const page = await browser.newPage();
    await logIn(page, await newPerson(template), "/gp-online-services");
    const status = page.getByTestId("gp-online-services-status");
    await expect(status).toContainText(expected);
    await expect(page.locator("main")).not.toContainText(/linkage/i);
    await page.close();
  }
});

test("declining consent shows NHS login's no-consent content", async ({ page }) => {
  const person = await newPerson("p9");
  await page.goto("/profile");
  await logInAtSimulator(page, person, { consent: false });
  await page.getByTestId("consent-decline").click();
  await expect(page).toHaveURL(`${E2E.portal}/auth/no-consent`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "You cannot continue without sharing your information",
  );
  await expect(page.locator("main")).toContainText(
    "Patient portal needs your NHS login information",
  );
  await expect(page.getByRole("link", { name: "111.nhs.uk" })).toHaveAttribute(
    "href",
    "https://111.nhs.uk",
  );
  await expect(page.locator("main")).toContainText(
    "Call 999 if it is a life-threatening emergency.",
  );
  await expectAccessible(page);
  await expectNoSession(page);
});

test("the consent screen lists what the portal asks for", async ({ page }) => {
  const person = await newPerson("p9");
  await page.goto("/profile");
  await page.getByTestId(`login-as-${person}`).click();
  const items = page.getByTestId("consent-items");
  await expect(items).toContainText(/NHS number/i);
  await expect(items).toContainText(/email/i);
  await expect(items).toContainText(/GP/i);
});

test("the profile links to the NHS login settings site, already logged in", async ({ page }) => {
  const person = await newPerson("p9");
  await logIn(page, person);
  await page.getByTestId("manage-nhs-login").click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.simulator}/settings\\?asserted_login_identity=`));
  await expect(page.getByTestId("settings-email")).toHaveText(`${person}@simulator.example`);
});

test("a new person registers with NHS login and reaches their profile", async ({ page }) => {
  await page.goto("/profile");
  await page.getByTestId("register-link").click();
  const email = `new-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("UK mobile phone number").fill("07700 900123");
  await page.getByTestId("register-submit").click();
  await page.getByTestId("consent-agree").click();
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
  await expect(page.locator(".nhsuk-summary-list")).toContainText(email);
});

test("log out ends the session, and the next log-in asks NHS login to authenticate", async ({
  page,
}) => {
  const person = await newPerson("p9");
  await logIn(page, person);
  await logOut(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have logged out");
  await expect(page.getByRole("navigation", { name: "Account" })).toHaveCount(0);

  await page.getByTestId("log-in-again").click();
  // The simulator still has its own session, but prompt=login makes it ask again.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
  await logInAtSimulator(page, person);
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
});

test("the cookies page describes every cookie the portal sets", async ({ page }) => {
  await page.goto("/cookies");
  const described = await page.locator(".portal-cookie-name").allTextContents();
  // Every cookie the portal's own responses set (the simulator shares the host name, so the
  // browser's jar alone would mix in NHS login's cookies).
  const set = new Set<string>();
  page.on("response", async (response) => {
    if (new URL(response.url()).origin !== E2E.portal) return;
    for (const { name, value } of await response.headersArray()) {
      if (name.toLowerCase() === "set-cookie") set.add(value.slice(0, value.indexOf("=")));
    }
  });
  const person = await newPerson("p9");
  await logIn(page, person);
  await logOut(page);

  expect(set.size).toBeGreaterThan(2);
  for (const name of set) {
    // A sign-in attempt's cookie ends in its own code, which the page says in words.
    const family = name.replace(/^(portal\.sign-in)\..+$/, "$1");
    expect(described, `the cookies page describes ${name}`).toContain(family);
  }
});

test("the start page sends a logged-in person to their profile", async ({ page }) => {
  await logIn(page, await newPerson("p5"));
  await page.goto("/");
  await expect(page).toHaveURL(`${E2E.portal}/profile`);
});
