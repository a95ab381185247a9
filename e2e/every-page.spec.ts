import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LOGIN_OUTCOMES } from "../lib/login-outcomes";
import { expectAccessible } from "./support/axe";
import { logIn, newPerson } from "./support/nhs-login";
import { missingNhsukRules } from "./support/stylesheet";

/**
 * Every page of the portal, logged out and logged in, at a small phone's width (320 px), a
 * common phone's (390 px) and a desktop's (1280 px): it fits the screen, the header's account
 * area stays on one line, it says what it is in a meta description, it passes axe, and it has
 * every nhsuk-frontend rule it needs. Screenshots of each at 320 and 1280 px go to
 * test-results/every-page/ for people to look at.
 */

const WIDTHS = [320, 390, 1280];
/** The narrowest and the widest are the ones people look at; 390 px is checked, not pictured. */
const SCREENSHOT_WIDTHS = [320, 1280];

interface Visit {
  path: string;
  status?: number;
}

const errorPages = (returnTo: string): Visit[] =>
  LOGIN_OUTCOMES.map((code) => ({
    path: `/auth/error?${new URLSearchParams({ code, ref: "ABCD-2345", returnTo })}`,
  }));

const LOGGED_OUT: Visit[] = [
  { path: "/" },
  { path: "/accessibility" },
  { path: "/cookies" },
  { path: "/privacy" },
  { path: "/terms" },
  { path: "/auth/logged-out" },
  { path: "/auth/logged-out?everywhere=true" },
  { path: "/auth/timed-out?reason=idle" },
  { path: "/auth/no-consent" },
  { path: "/service-unavailable?ref=ABCD-2345", status: 503 },
  { path: "/no-such-page", status: 404 },
  ...errorPages("/profile"),
];

/** A person whose log-in proved P5, so that the P9 page is offered to them. */
const LOGGED_IN_P5: Visit[] = [
  { path: "/profile" },
  { path: "/gp-practice" },
  { path: "/auth/uplift?returnTo=%2Fgp-online-services" },
  { path: "/auth/logout-everywhere" },
  { path: "/accessibility" },
  { path: "/no-such-page", status: 404 },
  ...errorPages("/gp-online-services"),
];

const LOGGED_IN_P9: Visit[] = [
  { path: "/profile" },
  { path: "/gp-online-services" },
  { path: "/nhs-record" },
];

/** A person NHS login knows only by email and phone: the header shows their email address. */
const LOGGED_IN_P0: Visit[] = [
  { path: "/profile" },
  { path: "/auth/uplift?returnTo=%2Fgp-practice" },
];

const javaScript = () => test.info().project.use.javaScriptEnabled !== false;

/** Once nhsuk-frontend's script has set the header up, where there is one and it runs. */
async function settled(page: Page): Promise<void> {
  if (!javaScript()) return;
  const header = page.locator("header.nhsuk-header");
  if ((await header.count()) > 0) await expect(header).toHaveAttribute("data-nhsuk-header-init");
}

async function checkAtEachWidth(page: Page, group: string, visit: Visit): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(visit.path);
    expect(response?.status(), visit.path).toBe(visit.status ?? 200);
    await settled(page);

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${visit.path} is wider than the screen at ${width} px`).toBeLessThanOrEqual(
      0,
    );

    const rows = await page
      .locator(".nhsuk-header__account-item")
      .evaluateAll((items) => new Set(items.map((item) => item.getBoundingClientRect().top)).size);
    expect(rows, `the account area of ${visit.path} wraps at ${width} px`).toBeLessThanOrEqual(1);

    if (javaScript() && SCREENSHOT_WIDTHS.includes(width)) {
      const name = `${group}${visit.path.replace(/[^a-z0-9]+/gi, "-")}-${width}.png`;
      await page.screenshot({
        path: join(test.info().project.outputDir, "every-page", name),
        fullPage: true,
      });
    }
  }

  const description = page.locator('meta[name="description"]');
  await expect(description).toHaveCount(1);
  expect((await description.getAttribute("content"))?.length ?? 0).toBeGreaterThan(20);
  if (javaScript()) expect(await missingNhsukRules(page), visit.path).toEqual([]);
  await expectAccessible(page);
}

test.describe.configure({ mode: "parallel" });

for (const visit of LOGGED_OUT) {
  test(`logged out: ${visit.path}`, async ({ page }) => {
    await checkAtEachWidth(page, "logged-out", visit);
  });
}

test("logged in at P5: every page", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, await newPerson("p5"));
  for (const visit of LOGGED_IN_P5) await checkAtEachWidth(page, "p5", visit);
});

test("logged in at P0: every page", async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, await newPerson("p0"));
  for (const visit of LOGGED_IN_P0) await checkAtEachWidth(page, "p0", visit);
});

test("logged in at P9: every page", async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, await newPerson("p9"));
  for (const visit of LOGGED_IN_P9) await checkAtEachWidth(page, "p9", visit);
});
