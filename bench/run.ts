/**
 * `npm run bench`: builds the portal, serves it with the NHS login simulator on the benchmark's
 * own ports, and measures throughput against the framework's floor, sign-in time (in a browser and
 * without), client JavaScript and memory.
 * Results go to bench/results/latest.json and latest.md; docs/performance.md explains them.
 */
import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { timeBrowserSignIns, type BrowserSignInSummary } from "./browser-sign-in";
import { BENCH } from "./config";
import { floorApp, floorVersions } from "./floor-app";
import { compareWithFloor, MEASURED, type FloorComparison } from "./floor-comparison";
import { runLighthouse, type LighthouseResult } from "./lighthouse";
import { load, warmUp, type LoadResult, type LoadTarget } from "./load";
import { measureMemory } from "./memory";
import { timeRecordPage } from "./nhs-record";
import { weighPages } from "./page-weight";
import {
  markdown,
  percentile,
  type RedisStoreResult,
  type Results,
  type ServerResults,
  type SignInSummary,
  type Target,
} from "./report";
import { build, startFloor, startPortal, startSimulator, type Server } from "./servers";
import { startTestRedis, type TestRedis } from "../test-support/redis-server";
import { cpuMilliseconds } from "./process-stats";
import { runSignIns, SESSION_COOKIE, signIn, type SignIn } from "./sign-in";
import { hangUnderLoad, RECOVERY_GOAL_SECONDS, type StoreFaultResult } from "./store-faults";
import { haproxyInstalled, scaleOut, type ScaleOutResult } from "./scale-out";

const { connections, durationSeconds, warmupSeconds } = BENCH.load;

/** Share of CPU time the machine spends busy over a short interval, before the benchmarks. */
async function cpuBusyShare(ms = 2_000): Promise<number> {
  const sample = async () => {
    const [cpu = ""] = (await readFile("/proc/stat", "utf8")).split("\n");
    const ticks = cpu.split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { idle, total: ticks.reduce((sum, value) => sum + value, 0) };
  };
  const first = await sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const second = await sample();
  return 1 - (second.idle - first.idle) / (second.total - first.total);
}

/** Which portal was measured: the commit, and whether its sources had uncommitted changes. */
function sourceVersion(): { commit: string; uncommittedChanges: boolean } {
  const git = (...args: string[]) => spawnSync("git", args, { encoding: "utf8" }).stdout.trim();
  const sources = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts"];
  return {
    commit: git("rev-parse", "--short", "HEAD") || "unknown",
    uncommittedChanges: git("status", "--porcelain", "--", ...sources) !== "",
  };
}

async function measureLoad(portal: Server, target: LoadTarget): Promise<LoadResult> {
  console.log(`Load: ${target.name} ${target.path}`);
  const serverPid = portal.serverPid;
  await warmUp(portal.url, target, { connections, seconds: warmupSeconds, serverPid });
  const result = await load(portal.url, target, {
    connections,
    seconds: durationSeconds,
    serverPid,
  });
  console.log(
    `  ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, ` +
      `${result.serverCpuMsPerRequest.toFixed(2)} ms server CPU per request`,
  );
  return result;
}

/** Sign-ins for a while, with the CPU time the portal and the simulator spent on each. */
async function measureSignIns(
  mode: string,
  servers: { portal: Server; simulator: Server },
  options: { concurrency: number; seconds: number },
): Promise<SignInSummary> {
  const cpuBefore = {
    portal: cpuMilliseconds(servers.portal.serverPid),
    simulator: cpuMilliseconds(servers.simulator.serverPid),
  };
  const run = await runSignIns({ portal: servers.portal.url, persona: BENCH.persona, ...options });
  const cpuPerSignIn = (server: "portal" | "simulator") =>
    (cpuMilliseconds(servers[server].serverPid) - cpuBefore[server]) / run.completed;
  const pick = (key: keyof Omit<SignIn, "cookie" | "sessionValue">, p: number) =>
    percentile(
      run.samples.map((sample) => sample[key]),
      p,
    );
  console.log(`  ${mode}: ${run.perSecond.toFixed(1)} sign-ins/s, ${run.failed} failed`);
  return {
    mode,
    concurrency: run.concurrency,
    completed: run.completed,
    failed: run.failed,
    ...(run.firstError ? { firstError: run.firstError } : {}),
    perSecond: run.perSecond,
    totalP50Ms: pick("totalMs", 50),
    totalP95Ms: pick("totalMs", 95),
    portalP50Ms: pick("portalMs", 50),
    portalP95Ms: pick("portalMs", 95),
    portalStartP50Ms: pick("portalStartMs", 50),
    portalStartP95Ms: pick("portalStartMs", 95),
    portalCallbackP50Ms: pick("portalCallbackMs", 50),
    portalCallbackP95Ms: pick("portalCallbackMs", 95),
    simulatorP50Ms: pick("simulatorMs", 50),
    simulatorP95Ms: pick("simulatorMs", 95),
    portalCpuMsPerSignIn: cpuPerSignIn("portal"),
    simulatorCpuMsPerSignIn: cpuPerSignIn("simulator"),
  };
}

/**
 * Client modules of the portal's own that a page may ship: nhsuk-frontend's initialisation and
 * the scripts of the components the portal renders, the two error boundaries (Next.js requires
 * them to be client components and loads them on every page), the small wrapper that loads the
 * timeout warning and the header's navigation (which needs the page's path), the loader of the
 * NHS App's connection (the layout's client modules ship together, so it comes on every page; the
 * connection itself loads only inside the app); with a session, the warning itself.
 */
const ALLOWED_CLIENT_MODULES = [
  "components/nhsuk-frontend-init.tsx",
  "components/nhsuk-frontend-init.tsx -> ./nhsuk-frontend-components",
  "app/error.tsx",
  "app/global-error.tsx",
  "components/session-timeout.tsx",
  "components/patient-navigation.tsx",
  "components/nhs-app-connection.tsx",
];
const ALLOWED_WHEN_LOGGED_IN = [
  ...ALLOWED_CLIENT_MODULES,
  "components/session-timeout.tsx -> ./timeout-warning",
];
/** Pages weighed with a session, which may also ship the timeout warning. */
const LOGGED_IN_PAGES = ["/profile", "/nhs-record"];

function serverTargets(
  { signIn: signIns, pageWeight: pages, redis }: ServerResults,
  loggedInPages: string[],
): Target[] {
  const sequential = signIns[0]!;
  const extraModules = pages
    .filter((page) => !page.baseline)
    .flatMap((page) => {
      const allowed = loggedInPages.includes(page.path)
        ? ALLOWED_WHEN_LOGGED_IN
        : ALLOWED_CLIENT_MODULES;
      return page.portalModules
        .filter((module) => !allowed.includes(module))
        .map((module) => `${page.path}: ${module}`);
    });
  return [
    {
      name: "sign-in, portal's server-side time p95 (one at a time)",
      goal: "< 100 ms",
      measured: `${Math.round(sequential.portalP95Ms)} ms`,
      met: sequential.portalP95Ms < 100,
    },
    {
      name: "client JS of the portal's own beyond nhsuk-frontend's, the error boundaries, the timeout warning's and the NHS App connection's loaders and the navigation (and the warning itself when logged in)",
      goal: "none",
      measured: extraModules.length === 0 ? "none" : extraModules.join("; "),
      met: extraModules.length === 0,
    },
    {
      name: "Redis round trips per gated request",
      goal: "≤ 1",
      measured: redis.roundTripsPerGatedRequest.toFixed(2),
      met: redis.roundTripsPerGatedRequest <= 1,
    },
    {
      name: "Redis keys after the memory run, beyond a session and a used state per sign-in",
      goal: "0",
      measured: String(Math.max(0, redis.keys.after - redis.keys.before - redis.keys.allowed)),
      met: redis.keys.after - redis.keys.before <= redis.keys.allowed,
    },
  ];
}

/** The goals for a fleet behind a load balancer, per topology. */
function scaleOutTargets(runs: ScaleOutResult[]): Target[] {
  return runs.flatMap((run) => {
    const [instanceDeath, failover] = run.events;
    const after = failover!.afterFailover ?? { requests: 0, failed: 0 };
    return [
      {
        name: `${run.topology}: people sent back to log in when an instance died`,
        goal: "0",
        measured: String(instanceDeath!.sentBackToLogIn),
        met: instanceDeath!.sentBackToLogIn === 0,
      },
      {
        name: `${run.topology}: requests started after the replica took over that failed`,
        goal: "< 1%",
        measured: `${after.failed} of ${after.requests}`,
        met: after.requests > 0 && after.failed / after.requests < 0.01,
      },
      {
        name: `${run.topology}: every answer normal after the primary was killed`,
        goal: "≤ 10 s",
        measured: `${failover!.normalAfterSeconds.toFixed(1)} s`,
        met: failover!.normalAfterSeconds <= 10,
      },
      {
        name: `${run.topology}: sessions of people logged in before it all, lost`,
        goal: "0",
        measured: `${run.sessionsLost} of ${run.people}`,
        met: run.sessionsLost === 0,
      },
    ];
  });
}

function unexpectedResponses(loads: LoadResult[]): Target {
  const unexpected = loads.reduce((sum, run) => sum + run.unexpected, 0);
  return {
    name: "every load-test response had the expected status",
    goal: "0 unexpected",
    measured: String(unexpected),
    met: unexpected === 0,
  };
}

/** The goals against the framework's floor, on the median of the rounds. */
function floorTargets(floor: FloorComparison): Target[] {
  const against = (name: string, goal: number, ratioName: string): Target => {
    const ratio = floor.ratios.find((entry) => entry.name === ratioName)!;
    return {
      name,
      goal: `≥ ${goal}`,
      measured: `${ratio.median.toFixed(2)} (rounds: ${ratio.perRound.map((r) => r.toFixed(2)).join(", ")})`,
      met: ratio.median >= goal,
    };
  };
  return [
    against("start page ÷ the framework's floor, requests a second", 0.8, MEASURED.start),
    against(
      "`/profile`, sessions in Redis ÷ the framework's floor, requests a second",
      0.7,
      MEASURED.profileInRedis,
    ),
  ];
}

function browserSignInTargets(signIns: BrowserSignInSummary): Target[] {
  return [
    {
      name: "sign-in in the browser, the portal's share at the median",
      goal: "< 100 ms",
      measured: `${Math.round(signIns.portalMs.median)} ms of ${Math.round(signIns.totalMs.median)} ms`,
      met: signIns.portalMs.median < 100,
    },
  ];
}

function storeFaultTargets(faults: StoreFaultResult): Target[] {
  const bound = faults.deadlineMs + 1_000;
  return [
    {
      name: `slowest answer while Redis hung for ${faults.hangSeconds} s`,
      goal: `≤ ${bound} ms (the store's deadline + 1 s)`,
      measured: `${Math.round(faults.slowestDuringHangMs)} ms`,
      met: faults.slowestDuringHangMs <= bound,
    },
    {
      name: "answers that failed before the hang, or once Redis had been back for 3 s",
      goal: "0",
      measured: String(faults.failedOutsideHang),
      met: faults.failedOutsideHang === 0,
    },
    {
      name: "public page answers other than 200, before, during or after the hang",
      goal: "0",
      measured: String(faults.publicPageFailures),
      met: faults.publicPageFailures === 0,
    },
    {
      name: "time from Redis answering again until every answer is normal",
      goal: `≤ ${RECOVERY_GOAL_SECONDS} s`,
      measured: `${faults.secondsUntilNormal.toFixed(1)} s`,
      met: faults.secondsUntilNormal <= RECOVERY_GOAL_SECONDS,
    },
  ];
}

/** The targets for a phone: each audited page on its own line, so a miss names the page. */
function lighthouseTargets(results: LighthouseResult[]): Target[] {
  const mobile = results.filter((result) => result.formFactor === "mobile");
  const each = (
    name: string,
    goal: string,
    value: (result: LighthouseResult) => number,
    met: (value: number) => boolean,
    format: (value: number) => string,
  ): Target => ({
    name,
    goal,
    measured: mobile.map((result) => `${result.path}: ${format(value(result))}`).join("; "),
    met: mobile.length > 0 && mobile.every((result) => met(value(result))),
  });
  const whole = (value: number) => String(Math.round(value));
  return [
    each(
      "Lighthouse mobile performance",
      "≥ 90",
      (r) => r.scores.performance,
      (v) => v >= 90,
      whole,
    ),
    each(
      "Lighthouse mobile largest contentful paint",
      "≤ 2500 ms",
      (r) => r.largestContentfulPaintMs,
      (v) => v <= 2500,
      (v) => `${whole(v)} ms`,
    ),
    each(
      "Lighthouse mobile total blocking time",
      "≤ 150 ms",
      (r) => r.totalBlockingTimeMs,
      (v) => v <= 150,
      (v) => `${whole(v)} ms`,
    ),
    {
      name: "Lighthouse accessibility, mobile and desktop",
      goal: "100",
      measured: results
        .map((r) => `${r.formFactor} ${r.path}: ${r.scores.accessibility}`)
        .join("; "),
      met: results.length > 0 && results.every((r) => r.scores.accessibility === 100),
    },
  ];
}

/** The pages the issue names: the start page, the profile with a session, and a content page. */
async function lighthouse(portal: Server): Promise<LighthouseResult[]> {
  console.log("Lighthouse (mobile and desktop)…");
  return runLighthouse(
    portal.url,
    [
      { name: "start page", path: "/" },
      // One session lasts the audits: the idle limit is 30 minutes and each audit is a request.
      {
        name: "profile",
        path: "/profile",
        cookie: (await signIn(portal.url, BENCH.persona)).cookie,
      },
      { name: "accessibility statement", path: "/accessibility" },
    ],
    {
      runs: BENCH.lighthouse.runs,
      formFactors: BENCH.lighthouse.formFactors,
      reportsDir: BENCH.resultsDir,
    },
  );
}

/** What one sign-in leaves in Redis: its session and its used `state`. */
const KEYS_PER_SIGN_IN = 2;

/** Sessions in Redis: what Redis did for each gated page, and the server's memory. */
async function redisBenchmark(portal: Server, redis: TestRedis): Promise<RedisStoreResult> {
  const profileTarget: LoadTarget = {
    name: "profile, with session",
    path: "/profile",
    cookie: (await signIn(portal.url, BENCH.persona)).cookie,
    expectedStatus: 200,
  };
  const serverPid = portal.serverPid;
  // Counted apart from the throughput runs: watching every command slows Redis down. A timed run
  // ends with requests still in flight; they finish first, so the count is this window's alone.
  await warmUp(portal.url, profileTarget, { connections, seconds: warmupSeconds, serverPid });
  await new Promise((settle) => setTimeout(settle, 1_000));
  let counted = 0;
  const sent = await redis.commandsSentDuring(async () => {
    counted = (await load(portal.url, profileTarget, { connections, amount: 500, serverPid }))
      .requests;
  });
  const roundTripsPerGatedRequest = sent / counted;
  console.log(`  Redis: ${roundTripsPerGatedRequest.toFixed(2)} round trips per /profile request`);

  console.log(`Memory over ${BENCH.memory.requests} requests to /profile, sessions in Redis…`);
  const keysBefore = await redis.keyCount();
  const memory = await measureMemory(
    portal.url,
    serverPid,
    async () => ({ ...profileTarget, cookie: (await signIn(portal.url, BENCH.persona)).cookie }),
    { connections, requests: BENCH.memory.requests, batches: BENCH.memory.batches },
  );
  return {
    roundTripsPerGatedRequest,
    memory,
    keys: {
      before: keysBefore,
      after: await redis.keyCount(),
      signIns: BENCH.memory.batches,
      allowed: KEYS_PER_SIGN_IN * BENCH.memory.batches,
    },
  };
}

/**
 * Redis paused for a while under a steady load on the profile and the start page, both with a
 * session; then the same session must still work.
 */
async function storeFaultsBenchmark(portal: Server, redis: TestRedis): Promise<StoreFaultResult> {
  const { hangSeconds, beforeSeconds, afterSeconds, deadlineMs } = BENCH.storeFaults;
  console.log(`Store faults: Redis paused for ${hangSeconds} s under load…`);
  // Warmed up first, so that nothing slow before the hang is the portal starting.
  for (let i = 0; i < 3; i++) await signIn(portal.url, BENCH.persona);
  const cookie = (await signIn(portal.url, BENCH.persona)).cookie;
  const result = await hangUnderLoad(
    portal.url,
    {
      gated: { name: "profile, with session", path: "/profile", cookie, expectedStatus: 200 },
      // Not the start page, which sends a logged-in person on to their profile.
      public: {
        name: "accessibility statement, with session",
        path: "/accessibility",
        cookie,
        expectedStatus: 200,
      },
    },
    redis,
    { connections, beforeSeconds, hangSeconds, afterSeconds, deadlineMs },
  );
  const after = await fetch(new URL("/profile", portal.url), {
    headers: { cookie },
    redirect: "manual",
  });
  if (after.status !== 200)
    throw new Error(`the session did not survive the hang (${after.status})`);
  console.log(
    `  slowest ${Math.round(result.slowestDuringHangMs)} ms, ${result.failedOutsideHang} failed outside the hang, ` +
      `normal ${result.secondsUntilNormal.toFixed(1)} s after Redis was back`,
  );
  return result;
}

/** Everything but Lighthouse, with sessions in memory. */
async function serverBenchmarks(
  portal: Server,
  simulator: Server,
): Promise<Omit<ServerResults, "redis">> {
  console.log("Client JavaScript per page (Chromium)…");
  const session = await signIn(portal.url, BENCH.persona);
  const pageWeight = await weighPages(portal.url, [
    { name: "start page", path: "/" },
    {
      name: "profile",
      path: "/profile",
      session: { name: SESSION_COOKIE, value: session.sessionValue },
    },
    {
      name: "NHS record",
      path: "/nhs-record",
      session: { name: SESSION_COOKIE, value: session.sessionValue },
    },
    { name: "auth page", path: "/auth/logged-out" },
    { name: "not found (smallest page)", path: "/bench-no-such-page", baseline: true },
  ]);

  // The pages themselves are measured beside the framework's floor (bench/floor-comparison.ts).
  const loads: LoadResult[] = [
    await measureLoad(portal, {
      name: "static asset",
      path: "/assets/images/favicon.svg",
      expectedStatus: 200,
    }),
    await measureLoad(portal, {
      name: "proxy redirect, no session",
      path: "/profile",
      expectedStatus: 303,
    }),
  ];
  console.log(`NHS record page: ${BENCH.nhsRecord.samples} sign-ins, each with two visits…`);
  const nhsRecord = await timeRecordPage(portal.url, BENCH.persona, BENCH.nhsRecord.samples);
  console.log(
    `  first visit p50 ${Math.round(nhsRecord.coldP50Ms)} ms, later visits p50 ${Math.round(nhsRecord.warmP50Ms)} ms`,
  );

  console.log("Sign-ins…");
  const servers = { portal, simulator };
  const signIns = [
    await measureSignIns("one at a time", servers, {
      concurrency: 1,
      seconds: BENCH.signIn.sequentialSeconds,
    }),
    await measureSignIns(`${BENCH.signIn.concurrency} side by side`, servers, {
      concurrency: BENCH.signIn.concurrency,
      seconds: BENCH.signIn.concurrentSeconds,
    }),
  ];

  console.log(`Memory over ${BENCH.memory.requests} requests to /profile…`);
  const memory = await measureMemory(
    portal.url,
    portal.serverPid,
    async () => ({
      name: "profile, with session",
      path: "/profile",
      cookie: (await signIn(portal.url, BENCH.persona)).cookie,
      expectedStatus: 200,
    }),
    { connections, requests: BENCH.memory.requests, batches: BENCH.memory.batches },
  );

  return {
    settings: { connections, durationSeconds, warmupSeconds },
    load: loads,
    signIn: signIns,
    nhsRecord,
    pageWeight,
    memory,
  };
}

async function main(): Promise<void> {
  await mkdir(BENCH.resultsDir, { recursive: true });
  const runs = (section: (typeof BENCH)["only"][number]) =>
    BENCH.only.includes("all") || BENCH.only.includes(section);
  if (!BENCH.skipBuild) build();
  const versions = floorVersions();
  // Built (once) before the busy check, so that its build does not count as other work.
  const floorDirectory = runs("floor") ? floorApp(versions) : undefined;

  const busy = await cpuBusyShare();
  if (busy > 0.15) {
    console.warn(
      `Warning: the machine is ${Math.round(busy * 100)}% busy before the benchmarks start; figures will be low.`,
    );
  }

  const simulator = await startSimulator({
    port: BENCH.simulatorPort,
    redirectUris: [BENCH.portal, BENCH.redisPortal, BENCH.scaleOut.loadBalancer].map(
      (origin) => `${origin}/api/auth/callback/nhs-login`,
    ),
    logFile: join(BENCH.resultsDir, "simulator.log"),
  });
  let portal: Server | undefined;
  let redisPortal: Server | undefined;
  let redis: TestRedis | undefined;
  let floor: Server | undefined;
  const portalOn = async (port: number, logName: string, redisUrl?: string) => {
    const started = await startPortal({
      port,
      issuer: simulator.url,
      authSecret: BENCH.authSecret,
      logFile: join(BENCH.resultsDir, logName),
      ...(redisUrl ? { redisUrl } : {}),
    });
    // First requests compile and cache (JWKS, discovery, JIT): not what is measured.
    for (let i = 0; i < 5; i++) await signIn(started.url, BENCH.persona);
    return started;
  };
  const portalInMemory = async () => (portal ??= await portalOn(BENCH.portalPort, "portal.log"));
  const portalInRedis = async () => {
    redis ??= await startTestRedis(BENCH.redisPort);
    return (redisPortal ??= await portalOn(BENCH.redisPortalPort, "portal-redis.log", redis.url));
  };
  try {
    let lighthouseResults: LighthouseResult[] = [];
    if (runs("lighthouse")) lighthouseResults = await lighthouse(await portalInMemory());

    let floorComparison: FloorComparison | undefined;
    if (floorDirectory) {
      floor = await startFloor({
        port: BENCH.floorPort,
        directory: floorDirectory,
        logFile: join(BENCH.resultsDir, "floor.log"),
      });
      floorComparison = await compareWithFloor(
        { floor, portal: await portalInMemory(), redisPortal: await portalInRedis() },
        {
          versions,
          persona: BENCH.persona,
          rounds: BENCH.floor.rounds,
          connections,
          seconds: BENCH.floor.seconds,
          warmupSeconds,
        },
      );
      await floor.stop();
      floor = undefined;
    }

    let browserSignIn: BrowserSignInSummary | undefined;
    if (runs("browser-sign-in")) {
      console.log(`Sign-in in the browser, ${BENCH.browserSignIn.runs} times…`);
      browserSignIn = await timeBrowserSignIns(
        (await portalInMemory()).url,
        BENCH.persona,
        BENCH.browserSignIn,
      );
      console.log(
        `  median ${Math.round(browserSignIn.totalMs.median)} ms, the portal's share ` +
          `${Math.round(browserSignIn.portalMs.median)} ms`,
      );
    }

    let server: ServerResults | undefined;
    const inMemory = BENCH.only.includes("all")
      ? await serverBenchmarks(await portalInMemory(), simulator)
      : undefined;
    await portal?.stop();
    portal = undefined;

    let storeFaults: StoreFaultResult | undefined;
    if (runs("store-faults")) {
      console.log("Sessions in Redis…");
      const withRedis = await portalInRedis();
      if (inMemory) server = { ...inMemory, redis: await redisBenchmark(withRedis, redis!) };
      storeFaults = await storeFaultsBenchmark(withRedis, redis!);
    }
    await redisPortal?.stop();
    redisPortal = undefined;

    let scaleOutRuns: ScaleOutResult[] | undefined;
    if (runs("scale-out")) {
      if (!haproxyInstalled())
        throw new Error("the scale-out section needs haproxy (apt-get install haproxy)");
      scaleOutRuns = [
        await scaleOut("Redis Sentinel", simulator, { measureThroughput: true }),
        await scaleOut("Redis Cluster", simulator, { measureThroughput: false }),
      ];
    }
    const loads = [
      ...(floorComparison?.measured.flatMap((entry) => entry.runs) ?? []),
      ...(server?.load ?? []),
    ];
    const results: Results = {
      date: new Date().toISOString().slice(0, 10),
      source: sourceVersion(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? "unknown",
        node: process.versions.node,
        busyShareAtStart: Number(busy.toFixed(2)),
      },
      ...(floorComparison ? { floor: floorComparison } : {}),
      ...(browserSignIn ? { browserSignIn } : {}),
      ...(server ? { server } : {}),
      ...(storeFaults ? { storeFaults } : {}),
      ...(scaleOutRuns ? { scaleOut: scaleOutRuns } : {}),
      lighthouse: lighthouseResults,
      targets: [
        ...(floorComparison ? floorTargets(floorComparison) : []),
        ...(browserSignIn ? browserSignInTargets(browserSignIn) : []),
        ...(loads.length > 0 ? [unexpectedResponses(loads)] : []),
        ...(server ? serverTargets(server, LOGGED_IN_PAGES) : []),
        ...(storeFaults ? storeFaultTargets(storeFaults) : []),
        ...(scaleOutRuns ? scaleOutTargets(scaleOutRuns) : []),
        ...(lighthouseResults.length > 0 ? lighthouseTargets(lighthouseResults) : []),
      ],
    };
    const table = markdown(results);
    await writeFile(join(BENCH.resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(join(BENCH.resultsDir, "latest.md"), table);
    console.log(`\n${table}`);
    console.log(`Written to ${BENCH.resultsDir}/latest.json and latest.md`);
  } finally {
    await floor?.stop();
    await portal?.stop();
    await redisPortal?.stop();
    await redis?.stop();
    await simulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
