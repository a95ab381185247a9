import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";

const PUBLIC_PAGES = [
  { path: "/", h1: "Patient portal", title: "Patient portal – NHS" },
  { path: "/accessibility", h1: "Accessibility statement" },
  { path: "/cookies", h1: "Cookies" },
  { path: "/privacy", h1: "Privacy" },
  { path: "/terms", h1: "Terms and conditions" },
  { path: "/auth/logged-out", h1: "You are logged out" },
  { path: "/auth/timed-out?reason=idle", h1: "You have been logged out" },
  { path: "/auth/no-consent", h1: "You cannot continue without sharing your information" },
  { path: "/auth/error?code=unavailable", h1: "Sorry, NHS login is not available at the moment" },
  { path: "/no-such-page", h1: "Page not found", status: 404 },
];

for (const { path, h1, title, status = 200 } of PUBLIC_PAGES) {
  test(`${path} is an accessible NHS.UK page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1);
    await expect(page).toHaveTitle(title ?? `${h1} – Patient portal – NHS`);
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
    await expect(page.locator("main#maincontent")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("© NHS England");
    await expectAccessible(page);
  });
}

test("the NHS.UK stylesheet is served and applied", async ({ page }) => {
  await page.goto("/");
  const header = page.locator("header.nhsuk-header");
  await expect(header).toHaveCSS("background-color", "rgb(0, 94, 184)");
  const login = page.getByTestId("login");
  await expect(login).toHaveText("Continue");
  await expect(login).toHaveCSS("background-color", "rgb(0, 94, 184)");
});

test("the favicons and manifest from nhsuk-frontend are served", async ({ request }) => {
  for (const path of [
    "/assets/images/favicon.ico",
    "/assets/images/favicon.svg",
    "/assets/manifest.json",
  ]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test("the footer links to the service's own policy pages", async ({ page }) => {
  await page.goto("/");
  for (const name of ["Accessibility statement", "Cookies", "Privacy", "Terms and conditions"]) {
    await page.getByRole("contentinfo").getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await page.goBack();
  }
});

test("no stack trace or framework detail reaches the browser on a bad request", async ({
  request,
}) => {
  const response = await request.get("/auth/error?code=%00%ff&ref=<script>");
  const body = await response.text();
  expect(response.status()).toBe(200);
  expect(body).not.toContain("<script>alert");
  expect(body).not.toMatch(/at .*\.(js|ts):\d+/);
  expect(body).not.toContain("&lt;script&gt;");
});

test("the cookies page breaks a cookie's name only between its parts, at every width", async ({
  page,
}) => {
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/cookies");
    const parts = page.locator(".portal-cookie-name > span");
    expect(await parts.count()).toBeGreaterThan(4);
    // Each part's own text (not the full stop and break opportunity after it) on one line.
    const broken = await parts.evaluateAll((spans) =>
      spans
        .map((span) => span.firstChild!)
        .filter((text) => {
          const range = document.createRange();
          range.selectNodeContents(text);
          return range.getClientRects().length > 1;
        })
        .map((text) => text.textContent),
    );
    expect(broken, `at ${width} px`).toEqual([]);
  }
});

test("the policy pages link to NHS login's own", async ({ page }) => {
  for (const [path, href] of [
    ["/accessibility", "https://access.login.nhs.uk/accessibility"],
    ["/cookies", "https://access.login.nhs.uk/cookies"],
    ["/privacy", "https://access.login.nhs.uk/privacy"],
  ]) {
    await page.goto(path!);
    await expect(page.locator(`main a[href="${href}"]`)).toHaveCount(1);
  }
});

test("words the team must still write are marked as such", async ({ page }) => {
  for (const path of ["/accessibility", "/privacy"]) {
    await page.goto(path);
    const placeholders = page.locator("main [data-placeholder]");
    expect(await placeholders.count()).toBeGreaterThan(0);
    for (const text of await placeholders.allTextContents()) {
      expect(text).toMatch(/^\[To fill in: .+\]$/);
    }
  }
});
