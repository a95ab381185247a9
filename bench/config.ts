/** Where and how long the benchmarks run: own ports, away from `npm run dev` and the e2e suite. */
function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** Moves every port, so that two checkouts can run the benchmarks side by side. */
const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
if (!Number.isInteger(offset) || offset < 0) {
  throw new Error("BENCH_PORT_OFFSET must be a whole number");
}
const portalPort = 3200 + offset;
/** A second portal, with its sessions in Redis, running beside the first. */
const redisPortalPort = 3201 + offset;
/** The framework's floor: a bare Next.js app of the portal's versions (bench/floor-app.ts). */
const floorPort = 3230 + offset;
const simulatorPort = 4200 + offset;
/** Where the second portal keeps its sessions, as a deployment with several instances does. */
const redisPort = 6200 + offset;
/** The scale-out section: a load balancer in front of three instances, and a fourth for one alone. */
const loadBalancerPort = 3210 + offset;
const singleLoadBalancerPort = 3211 + offset;
const instancePorts = [3221, 3222, 3223].map((port) => port + offset);

function formFactors(value: string): ("mobile" | "desktop")[] {
  const list = value.split(/[\s,]+/).filter(Boolean);
  if (list.length === 0 || !list.every((item) => item === "mobile" || item === "desktop")) {
    throw new Error("BENCH_LIGHTHOUSE_FORM_FACTORS must list mobile, desktop or both");
  }
  return list as ("mobile" | "desktop")[];
}

const ONLY = [
  "all",
  "lighthouse",
  "floor",
  "browser-sign-in",
  "store-faults",
  "scale-out",
] as const;
const only = (process.env.BENCH_ONLY ?? "all").split(/[\s,]+/).filter(Boolean);
if (only.length === 0 || !only.every((section) => (ONLY as readonly string[]).includes(section))) {
  throw new Error(`BENCH_ONLY must list one or more of ${ONLY.join(", ")}`);
}

export const BENCH = {
  portalPort,
  redisPortalPort,
  floorPort,
  simulatorPort,
  redisPort,
  portal: `http://localhost:${portalPort}`,
  redisPortal: `http://localhost:${redisPortalPort}`,
  simulator: `http://localhost:${simulatorPort}`,
  /** A secret for this benchmark's portal only. */
  authSecret: "bench-only-secret-not-for-any-real-deployment-0000",
  persona: "p9",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  /**
   * "lighthouse" measures the pages in the browser only, skipping the load tests; "floor" only
   * compares the pages with the framework's floor; "browser-sign-in" only times sign-ins in
   * Chromium; "store-faults" only pauses Redis under load. Several may be listed, as
   * "floor,browser-sign-in".
   */
  only: only as (typeof ONLY)[number][],
  load: {
    connections: 10,
    durationSeconds: positiveNumber("BENCH_DURATION_SECONDS", 10),
    warmupSeconds: positiveNumber("BENCH_WARMUP_SECONDS", 3),
  },
  /** The framework's floor and the portal's pages, one after another, round after round. */
  floor: {
    rounds: positiveNumber("BENCH_FLOOR_ROUNDS", 3),
    seconds: positiveNumber("BENCH_FLOOR_SECONDS", 5),
  },
  /** Whole sign-ins in Chromium, one after another, after two that are thrown away. */
  browserSignIn: { runs: positiveNumber("BENCH_BROWSER_SIGN_INS", 15), warmUp: 2 },
  signIn: {
    /** Sign-ins one after another, for the latency of one person's sign-in. */
    sequentialSeconds: positiveNumber("BENCH_SIGN_IN_SECONDS", 8),
    /** Sign-ins side by side, for how many the portal and simulator complete per second. */
    concurrency: 4,
    concurrentSeconds: positiveNumber("BENCH_SIGN_IN_SECONDS", 8),
  },
  /**
   * HAProxy in front of three instances, sessions in a Sentinel set and then in a cluster, under a
   * steady load of gated pages and sign-ins: an instance killed, then the Redis primary.
   */
  scaleOut: {
    loadBalancer: `http://localhost:${loadBalancerPort}`,
    loadBalancerPort,
    singleLoadBalancerPort,
    instancePorts,
    /** People already logged in, each opening /profile in turn at this rate, and sign-ins. */
    people: 24,
    pagesPerSecond: 20,
    signInsPerSecond: 1,
    /** Seconds of load before the first event, between events, and after the last. */
    phaseSeconds: positiveNumber("BENCH_SCALE_OUT_PHASE_SECONDS", 15),
  },
  /** Redis paused in the middle of a load (SIGSTOP), against the portal's default deadline. */
  storeFaults: {
    beforeSeconds: 5,
    hangSeconds: positiveNumber("BENCH_STORE_HANG_SECONDS", 10),
    afterSeconds: 10,
    deadlineMs: 2_000,
  },
  /** Sign-ins, each followed by a first and a second visit to the record page. */
  nhsRecord: { samples: positiveNumber("BENCH_NHS_RECORD_SAMPLES", 40) },
  memory: {
    requests: positiveNumber("BENCH_MEMORY_REQUESTS", 10_000),
    /** Each batch signs in afresh, so that sessions are opened during the run as well as read. */
    batches: 4,
  },
  lighthouse: {
    /** Audits per page and form factor; the median is reported. */
    runs: positiveNumber("BENCH_LIGHTHOUSE_RUNS", 3),
    /** "mobile desktop" (the default), or one of them for a quicker look. */
    formFactors: formFactors(process.env.BENCH_LIGHTHOUSE_FORM_FACTORS ?? "mobile desktop"),
  },
  resultsDir: "bench/results",
} as const;
