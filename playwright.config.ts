import { availableParallelism } from "node:os";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/environment";

/**
 * End-to-end tests in Debian's Chromium against the portal's standalone production server, as
 * deployed, and the local NHS login simulator. Six portal instances share AUTH_SECRET: the main
 * one, one with shortened session limits for the timeout tests, a second instance behind the
 * main one's address, one whose NHS login the tests take down, one served over https through a
 * TLS terminator, and one whose session store the tests take down (see
 * e2e/support/environment.ts).
 *
 * Faults that spoil the simulator for everyone (its signing keys) run in a project of their own,
 * after the parallel ones. The graceful-shutdown and telemetry tests start instances of their own.
 */
const WHOLE_SIMULATOR = /nhs-login-outages\.spec\.ts$/;
/**
 * Without JavaScript, the specs whose working differs: forms that post (consent, uplift, log-out,
 * switching account), the time limits' path through the server, NHS login's error pages, and
 * every page at each width (the header's navigation is laid out without its script). Pages whose
 * markup and behaviour are the same either way are not walked twice.
 */
const WITHOUT_JAVASCRIPT =
  /(journeys|sessions|session-timeouts|every-page|hostile-identity-provider)\.spec\.ts$/;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    // Debian's headless build of Chromium: the same engine without the windowing parts, which
    // on two cores takes a quarter less time over the suite than the full browser.
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-gpu",
      // The NHS.UK typeface comes from a host outside the portal. Where it cannot be reached, its
      // name lookup fails slowly and every page load waits about a second for it; the suite
      // does not depend on a third party, so it is refused at once, online or not.
      "--host-resolver-rules=MAP assets.nhs.uk ~NOTFOUND",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // Half the cores, and two at least: most tests wait on servers as much as they work, and the
  // time-limit tests mostly wait.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL: E2E.portal, trace: "retain-on-failure" },
  projects: [
    { name: "chromium", use: chromium, testIgnore: WHOLE_SIMULATOR },
    {
      name: "no-javascript",
      use: { ...chromium, javaScriptEnabled: false },
      testMatch: WITHOUT_JAVASCRIPT,
    },
    {
      name: "nhs-login-outages",
      use: chromium,
      testMatch: WHOLE_SIMULATOR,
      fullyParallel: false,
      dependencies: ["chromium", "no-javascript"],
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/support/start-simulator.ts",
      url: `${E2E.simulator}/.well-known/openid-configuration`,
      env: E2E.simulatorEnv,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      timeout: 60_000,
    },
    {
      command: "npx tsx e2e/support/start-portals.ts",
      url: `${E2E.storeOutagePortal}/accessibility`,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      timeout: 300_000,
    },
  ],
});
