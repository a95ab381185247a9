/** Where and how long the benchmarks run: own ports, away from `npm run dev` and the e2e suite. */
function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const portalPort = 3200;
const simulatorPort = 4200;
/** The Redis the second run keeps its sessions in, as a deployment with several instances does. */
const redisPort = 6200;

export const BENCH = {
  portalPort,
  simulatorPort,
  redisPort,
  portal: `http://localhost:${portalPort}`,
  simulator: `http://localhost:${simulatorPort}`,
  /** A secret for this benchmark's portal only. */
  authSecret: "bench-only-secret-not-for-any-real-deployment-0000",
  persona: "p9",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  load: {
    connections: 10,
    durationSeconds: seconds("BENCH_DURATION_SECONDS", 10),
    warmupSeconds: seconds("BENCH_WARMUP_SECONDS", 3),
  },
  signIn: {
    /** Sign-ins one after another, for the latency of one person's sign-in. */
    sequentialSeconds: seconds("BENCH_SIGN_IN_SECONDS", 8),
    /** Sign-ins side by side, for how many the portal and simulator complete per second. */
    concurrency: 4,
    concurrentSeconds: seconds("BENCH_SIGN_IN_SECONDS", 8),
  },
  memory: {
    requests: seconds("BENCH_MEMORY_REQUESTS", 10_000),
    /** Each batch signs in afresh: the portal rewrites a session cookie once a minute old. */
    batches: 4,
  },
  resultsDir: "bench/results",
} as const;
