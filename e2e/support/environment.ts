/** Where the e2e suite runs its own simulator and portals, away from `npm run dev`'s ports. */
const simulator = "http://localhost:4100";
const portal = "http://localhost:3100";
const shortSessionPortal = "http://localhost:3101";
/** Another instance behind the main portal's public address, as behind a load balancer. */
const secondInstance = "http://localhost:3102";
/** A portal whose NHS login the tests start and stop themselves, to take it down. */
const outagePortal = "http://localhost:3103";
const outageSimulator = "http://localhost:4101";
/** An instance served over https, through a TLS terminator as in production. */
const httpsPortal = "https://localhost:3443";

/** Where each portal instance's log goes during the e2e run (outside test-results, which is wiped). */
export function portalLogFile(port: number): string {
  return `.local/e2e-logs/portal-${port}.log`;
}

/** Shortened limits for the timeout tests on the second portal. */
export const SHORT_SESSION = { idleTimeoutSeconds: 12, warningSeconds: 6, maxAgeSeconds: 40 };

const sharedPortalEnv = {
  NODE_ENV: "production",
  NHS_LOGIN_ENV: "local",
  NHS_LOGIN_ISSUER: simulator,
  AUTH_SECRET: "e2e-only-secret-not-for-any-real-deployment-000",
  SERVICE_NAME: "Patient portal",
  NHS_LOGIN_TIMEOUT_MS: "3000",
};

export const E2E = {
  simulator,
  portal,
  shortSessionPortal,
  secondInstance,
  outagePortal,
  outageSimulator,
  httpsPortal,
  simulatorEnv: {
    SIMULATOR_PORT: "4100",
    SIMULATOR_REDIRECT_URIS: [portal, shortSessionPortal, httpsPortal]
      .map((origin) => `${origin}/api/auth/callback/nhs-login`)
      .join(","),
  },
  portals: [
    { port: 3100, env: { ...sharedPortalEnv, AUTH_URL: portal } },
    {
      port: 3101,
      env: {
        ...sharedPortalEnv,
        AUTH_URL: shortSessionPortal,
        SESSION_IDLE_TIMEOUT_SECONDS: String(SHORT_SESSION.idleTimeoutSeconds),
        SESSION_WARNING_SECONDS: String(SHORT_SESSION.warningSeconds),
        SESSION_MAX_AGE_SECONDS: String(SHORT_SESSION.maxAgeSeconds),
      },
    },
    { port: 3102, env: { ...sharedPortalEnv, AUTH_URL: portal } },
    {
      port: 3103,
      env: { ...sharedPortalEnv, AUTH_URL: outagePortal, NHS_LOGIN_ISSUER: outageSimulator },
    },
    { port: 3104, env: { ...sharedPortalEnv, AUTH_URL: httpsPortal }, httpsPort: 3443 },
  ],
};
