/**
 * Where the e2e suite runs its own simulator and portals, away from `npm run dev`'s ports.
 * E2E_PORT_OFFSET moves every port, so that two checkouts can run their suites side by side.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const port = (base: number) => base + offset;
const local = (base: number, scheme = "http") => `${scheme}://localhost:${port(base)}`;

const simulator = local(4100);
const portal = local(3100);
const shortSessionPortal = local(3101);
/** Another instance behind the main portal's public address, as behind a load balancer. */
const secondInstance = local(3102);
/** A portal whose NHS login the tests start and stop themselves, to take it down. */
const outagePortal = local(3103);
const outageSimulator = local(4101);
/** An instance served over https, through a TLS terminator as in production. */
const httpsPortal = local(3443, "https");
/**
 * A portal whose session store the tests take away: its Redis sits behind a TCP relay on
 * REDIS.outage's port, both started by the tests themselves.
 */
const storeOutagePortal = local(3105);
/** Instances a test starts and stops itself: to shut one down, to send its traces somewhere. */
const shutdownPortal = local(3106);
const telemetryPortal = local(3107);
/** What those tests run beside them: an NHS login that never answers, an OTLP receiver. */
const silentNhsLogin = local(4102);
const otlpReceiver = local(4103);

/**
 * Redis, as a deployment with more than one instance has it: the main portal and the instance
 * behind its address share one (started with the portals); the store-outage portal reaches its
 * own through a relay on `outage`'s port, which its tests start and switch.
 */
export const REDIS = {
  shared: { port: port(6390), url: `redis://127.0.0.1:${port(6390)}` },
  outage: { port: port(6391), url: `redis://127.0.0.1:${port(6391)}` },
};

/** Where each portal instance's log goes during the e2e run (outside test-results, which is wiped). */
export function portalLogFile(port: number): string {
  return `.local/e2e-logs/portal-${port}.log`;
}

/** Where the simulator's output goes during the e2e run. */
export const SIMULATOR_LOG = ".local/e2e-logs/simulator.log";

/** Shortened limits for the timeout tests on the second portal, and a small cap per account. */
export const SHORT_SESSION = {
  idleTimeoutSeconds: 12,
  warningSeconds: 6,
  maxAgeSeconds: 40,
  maxPerAccount: 2,
};

export const sharedPortalEnv = {
  NODE_ENV: "production",
  NHS_LOGIN_ENV: "local",
  NHS_LOGIN_ISSUER: simulator,
  AUTH_SECRET: "e2e-only-secret-not-for-any-real-deployment-000",
  SERVICE_NAME: "Patient portal",
  NHS_LOGIN_TIMEOUT_MS: "3000",
  NHS_API_TIMEOUT_MS: "3000",
};

export const E2E = {
  simulator,
  portal,
  shortSessionPortal,
  secondInstance,
  outagePortal,
  outageSimulator,
  httpsPortal,
  storeOutagePortal,
  shutdownPortal,
  telemetryPortal,
  silentNhsLogin,
  otlpReceiver,
  simulatorEnv: {
    SIMULATOR_PORT: String(port(4100)),
    SIMULATOR_REDIRECT_URIS: [
      portal,
      shortSessionPortal,
      httpsPortal,
      storeOutagePortal,
      telemetryPortal,
    ]
      .map((origin) => `${origin}/api/auth/callback/nhs-login`)
      .join(","),
  },
  portals: [
    {
      port: port(3100),
      env: { ...sharedPortalEnv, AUTH_URL: portal, REDIS_URL: REDIS.shared.url },
    },
    {
      port: port(3101),
      env: {
        ...sharedPortalEnv,
        AUTH_URL: shortSessionPortal,
        SESSION_IDLE_TIMEOUT_SECONDS: String(SHORT_SESSION.idleTimeoutSeconds),
        SESSION_WARNING_SECONDS: String(SHORT_SESSION.warningSeconds),
        SESSION_MAX_AGE_SECONDS: String(SHORT_SESSION.maxAgeSeconds),
        SESSION_MAX_PER_ACCOUNT: String(SHORT_SESSION.maxPerAccount),
      },
    },
    {
      port: port(3102),
      env: { ...sharedPortalEnv, AUTH_URL: portal, REDIS_URL: REDIS.shared.url },
    },
    {
      port: port(3103),
      env: { ...sharedPortalEnv, AUTH_URL: outagePortal, NHS_LOGIN_ISSUER: outageSimulator },
    },
    { port: port(3104), env: { ...sharedPortalEnv, AUTH_URL: httpsPortal }, httpsPort: port(3443) },
    {
      port: port(3105),
      env: {
        ...sharedPortalEnv,
        AUTH_URL: storeOutagePortal,
        REDIS_URL: REDIS.outage.url,
        // Shorter than the default 2 s: each step of the outage tests is timed against it.
        SESSION_STORE_TIMEOUT_MS: "1000",
      },
    },
  ],
};
