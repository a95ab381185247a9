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
/** Specs that start portal instances of their own, on fixed ports: run once, not per project. */
const OWN_INSTANCES = /(graceful-shutdown|telemetry)\.spec\.ts$/;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-gpu",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
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
      testIgnore: [WHOLE_SIMULATOR, OWN_INSTANCES],
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
