/** The results as JSON and as the markdown tables that docs/performance.md shows. */
import type { BrowserSignInSummary } from "./browser-sign-in";
import type { FloorComparison } from "./floor-comparison";
import type { LighthouseResult } from "./lighthouse";
import type { LoadResult } from "./load";
import type { MemoryResult } from "./memory";
import type { RecordPageTimes } from "./nhs-record";
import type { ScaleOutResult } from "./scale-out";
import type { StoreFaultResult } from "./store-faults";
import type { PageWeight } from "./page-weight";

export interface SignInSummary {
  mode: string;
  concurrency: number;
  completed: number;
  failed: number;
  firstError?: string;
  perSecond: number;
  totalP50Ms: number;
  totalP95Ms: number;
  portalP50Ms: number;
  portalP95Ms: number;
  portalStartP50Ms: number;
  portalStartP95Ms: number;
  portalCallbackP50Ms: number;
  portalCallbackP95Ms: number;
  simulatorP50Ms: number;
  simulatorP95Ms: number;
  portalCpuMsPerSignIn: number;
  simulatorCpuMsPerSignIn: number;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

/** What the load tests measure: everything but Lighthouse. */
export interface ServerResults {
  settings: { connections: number; durationSeconds: number; warmupSeconds: number };
  load: LoadResult[];
  signIn: SignInSummary[];
  nhsRecord: RecordPageTimes;
  pageWeight: PageWeight[];
  memory: MemoryResult;
  /** The same portal with its sessions in Redis, as deployments with several instances run. */
  redis: RedisStoreResult;
}

export interface Results {
  date: string;
  source: { commit: string; uncommittedChanges: boolean };
  machine: { cpus: number; cpuModel: string; node: string; busyShareAtStart: number };
  /** Absent when only one section ran (BENCH_ONLY). */
  server?: ServerResults;
  /** The portal's pages beside a bare Next.js app of the same versions. */
  floor?: FloorComparison;
  browserSignIn?: BrowserSignInSummary;
  /** Redis paused under load; absent when that section did not run. */
  storeFaults?: StoreFaultResult;
  /** HAProxy in front of three instances, on Sentinel and on a cluster. */
  scaleOut?: ScaleOutResult[];
  lighthouse: LighthouseResult[];
  targets: Target[];
}

export interface RedisStoreResult {
  /** Commands clients sent Redis per request for a gated page with a session. */
  roundTripsPerGatedRequest: number;
  memory: MemoryResult;
  /**
   * Redis's keys before and after the memory run, against what its sign-ins may leave: each one
   * a session and its used `state` (kept for the attempt's fifteen minutes).
   */
  keys: { before: number; after: number; signIns: number; allowed: number };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toString() : "–");
const oneDecimal = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function markdown(results: Results): string {
  const { machine, source, server } = results;
  const sections = [
    `Portal at ${source.commit}${source.uncommittedChanges ? " with uncommitted changes" : ""}, ` +
      `measured ${results.date} on ${machine.cpus} CPU cores (${machine.cpuModel}), Node.js ${machine.node}; ` +
      `CPU ${Math.round(machine.busyShareAtStart * 100)}% busy just before the servers started.`,
    ...(results.floor ? [floorSection(results.floor)] : []),
    ...(results.browserSignIn ? [browserSignInSection(results.browserSignIn)] : []),
    ...(server ? serverSections(server) : []),
    ...(results.storeFaults ? [storeFaultsSection(results.storeFaults)] : []),
    ...(results.scaleOut ? [scaleOutSection(results.scaleOut)] : []),
    ...(results.lighthouse.length > 0 ? [lighthouseSection(results.lighthouse)] : []),
    "**Targets**\n\n" +
      table(
        ["target", "goal", "measured", "met"],
        results.targets.map((target) => [
          target.name,
          target.goal,
          target.measured,
          target.met ? "yes" : "**no**",
        ]),
      ),
  ];
  return `${sections.join("\n\n")}\n`;
}

function lighthouseSection(results: LighthouseResult[]): string {
  const runs = results[0]?.runs ?? 0;
  const blocked = results[0]?.blockedUrlPatterns ?? [];
  return (
    `**Lighthouse** (production build; the median of ${runs} runs by performance score; ` +
    "mobile is Lighthouse's default phone with simulated slow 4G and a 4× slower CPU" +
    (blocked.length > 0
      ? `; ${blocked.join(", ")} blocked, as this machine cannot reach it, so text shows in the fallback font`
      : "") +
    ")\n\n" +
    table(
      [
        "page",
        "form factor",
        "performance",
        "accessibility",
        "best practices",
        "SEO",
        "LCP ms",
        "TBT ms",
        "CLS",
        "FCP ms",
        "every run's performance",
        "CPU benchmark index",
      ],
      results.map((result) => [
        `${result.name} \`${result.path}\``,
        result.formFactor,
        String(result.scores.performance),
        String(result.scores.accessibility),
        String(result.scores["best-practices"]),
        String(result.scores.seo),
        whole(result.largestContentfulPaintMs),
        whole(result.totalBlockingTimeMs),
        result.cumulativeLayoutShift.toFixed(3),
        whole(result.firstContentfulPaintMs),
        result.performanceScores.join(", "),
        whole(result.benchmarkIndex),
      ]),
    ) +
    lighthouseFindings(results)
  );
}

/** Audits below 0.9 in the reported runs, so the next thing to fix is in the results. */
function lighthouseFindings(results: LighthouseResult[]): string {
  const lines = results.flatMap((result) =>
    result.failingAudits.map(
      (audit) =>
        `- ${result.formFactor} \`${result.path}\`: ${audit.title}` +
        (audit.displayValue ? ` (${audit.displayValue})` : ""),
    ),
  );
  return lines.length === 0
    ? "\n\nNo audit scored below 0.9."
    : `\n\nAudits below 0.9:\n\n${lines.join("\n")}`;
}

function scaleOutSection(runs: ScaleOutResult[]): string {
  const throughput = runs.find((run) => run.throughput)?.throughput;
  const acknowledgement = runs.find((run) => run.replicaAcknowledgement)?.replicaAcknowledgement;
  return (
    "**Scale-out** (HAProxy in front of three instances, sessions in each topology; under load, " +
    "an instance killed, then a Redis primary)\n\n" +
    table(
      [
        "topology",
        "event",
        "at",
        "answers until the next",
        "failed",
        "sent back to log in",
        "replica took over after",
        "failed once it had",
        "normal again after",
      ],
      runs.flatMap((run) =>
        run.events.map((event) => [
          run.topology,
          event.name,
          `${event.atSeconds.toFixed(0)} s`,
          String(event.requests),
          String(event.failed),
          String(event.sentBackToLogIn),
          event.failoverSeconds === undefined ? "–" : `${event.failoverSeconds.toFixed(1)} s`,
          event.afterFailover
            ? `${event.afterFailover.failed} of ${event.afterFailover.requests}`
            : "–",
          `${event.normalAfterSeconds.toFixed(1)} s`,
        ]),
      ),
    ) +
    "\n\n" +
    table(
      [
        "topology",
        "requests",
        "failed",
        "sent back to log in",
        "sessions lost",
        "sign-ins (failed)",
        "signed in before the primary died, lost",
      ],
      runs.map((run) => [
        run.topology,
        String(run.requests),
        String(run.failed),
        String(run.sentBackToLogIn),
        `${run.sessionsLost} of ${run.people}`,
        `${run.signIns.completed} (${run.signIns.failed})`,
        `${run.signedInBeforeThePrimaryDied.lost} of ${run.signedInBeforeThePrimaryDied.sessions}`,
      ]),
    ) +
    (throughput
      ? `\n\nThroughput of \`/profile\` through HAProxy: three instances ${whole(throughput.threeInstances)} ` +
        `requests a second, one instance ${whole(throughput.oneInstance)}: ` +
        `**${(throughput.threeInstances / throughput.oneInstance).toFixed(2)}×** on this machine.`
      : "") +
    (acknowledgement
      ? `\n\nA session's write to the Sentinel primary takes ${acknowledgement.writeMs.toFixed(2)} ms ` +
        `(median); followed by WAIT 1 until the replica has it, ${acknowledgement.writeAndWaitMs.toFixed(2)} ms.`
      : "")
  );
}

function storeFaultsSection(faults: StoreFaultResult): string {
  const during = Object.entries(faults.gatedDuringHang)
    .map(([status, count]) => `${count} × ${status}`)
    .join(", ");
  return (
    `**Store faults** (Redis paused for ${faults.hangSeconds} s under load on \`/profile\` and ` +
    "`/accessibility` with a session; the store's deadline " +
    `${faults.deadlineMs} ms)\n\n` +
    table(
      [
        "requests",
        "slowest while Redis hung",
        "\`/profile\` while it hung",
        "failed outside the hang",
        "public page not 200",
        "normal again after",
      ],
      [
        [
          String(faults.requests),
          `${whole(faults.slowestDuringHangMs)} ms`,
          during || "–",
          String(faults.failedOutsideHang),
          String(faults.publicPageFailures),
          `${faults.secondsUntilNormal.toFixed(1)} s`,
        ],
      ],
    )
  );
}

function serverSections(server: ServerResults): string[] {
  const { settings } = server;
  return [
    `**Throughput and latency** (autocannon, ${settings.connections} connections, ` +
      `${settings.durationSeconds} s each after a ${settings.warmupSeconds} s warm-up)\n\n` +
      table(
        [
          "request",
          "expected",
          "req/s",
          "p50 ms",
          "p99 ms",
          "server CPU ms/request",
          "requests",
          "unexpected",
        ],
        server.load.map((run) => [
          `${run.name} \`${run.path}\``,
          String(run.expectedStatus),
          whole(run.requestsPerSecond),
          whole(run.latencyP50Ms),
          whole(run.latencyP99Ms),
          run.serverCpuMsPerRequest.toFixed(2),
          String(run.requests),
          String(run.unexpected),
        ]),
      ),

    "**Sign-in** (the whole flow without a browser; times p50 / p95 in ms; portal = its " +
      "`/auth/sign-in` and callback requests, the callback including the token and userinfo requests)\n\n" +
      table(
        [
          "mode",
          "sign-ins/s",
          "whole flow",
          "portal",
          "`/auth/sign-in`",
          "callback",
          "simulator pages",
          "portal CPU ms/sign-in",
          "simulator CPU ms/sign-in",
          "completed",
          "failed",
        ],
        server.signIn.map((run) => [
          run.mode,
          oneDecimal(run.perSecond),
          `${whole(run.totalP50Ms)} / ${whole(run.totalP95Ms)}`,
          `${whole(run.portalP50Ms)} / ${whole(run.portalP95Ms)}`,
          `${whole(run.portalStartP50Ms)} / ${whole(run.portalStartP95Ms)}`,
          `${whole(run.portalCallbackP50Ms)} / ${whole(run.portalCallbackP95Ms)}`,
          `${whole(run.simulatorP50Ms)} / ${whole(run.simulatorP95Ms)}`,
          oneDecimal(run.portalCpuMsPerSignIn),
          oneDecimal(run.simulatorCpuMsPerSignIn),
          String(run.completed),
          String(run.failed),
        ]),
      ),

    `**Your NHS record** (${server.nhsRecord.samples} sign-ins, each followed by two visits ` +
      "to `/nhs-record`, one at a time; p50 / p95 in ms)\n\n" +
      table(
        ["first visit (token exchange, PDS, ODS)", "later visit (PDS, ODS)", "the exchange's cost"],
        [
          [
            `${whole(server.nhsRecord.coldP50Ms)} / ${whole(server.nhsRecord.coldP95Ms)}`,
            `${whole(server.nhsRecord.warmP50Ms)} / ${whole(server.nhsRecord.warmP95Ms)}`,
            `${whole(server.nhsRecord.exchangeP50Ms)} / ${whole(server.nhsRecord.exchangeP95Ms)}`,
          ],
        ],
      ),

    "**Client JavaScript per page** (files Chromium loads, KB as sent / KB uncompressed)\n\n" +
      table(
        [
          "page",
          "status",
          "files",
          "all",
          "framework",
          "portal's own",
          "beyond the smallest page",
          "portal's own modules",
        ],
        server.pageWeight.map((page) => [
          `${page.name} \`${page.path}\``,
          String(page.status),
          String(page.scripts.length),
          `${kilobytes(page.compressedBytes)} / ${kilobytes(page.bytes)}`,
          kilobytes(page.frameworkCompressedBytes),
          kilobytes(page.portalCompressedBytes),
          page.baseline ? "(baseline)" : kilobytes(page.beyondBaselineCompressedBytes),
          page.portalModules.map((module) => `\`${module}\``).join(", ") || "none",
        ]),
      ),

    `**Memory** (RSS of the server process, ${server.memory.requests} requests to \`/profile\` ` +
      `with a session at ${whole(server.memory.requestsPerSecond)} req/s, ` +
      `${server.memory.unexpected} unexpected)\n\n` +
      table(
        ["before MB", "after each quarter MB", "peak MB", "3 s after the end MB", "growth MB"],
        [
          [
            oneDecimal(server.memory.beforeMb),
            server.memory.afterBatchMb.map(oneDecimal).join(", "),
            oneDecimal(server.memory.peakMb),
            oneDecimal(server.memory.settledMb),
            oneDecimal(server.memory.growthMb),
          ],
        ],
      ),

    `**With sessions in Redis**: ${server.redis.roundTripsPerGatedRequest.toFixed(2)} Redis round ` +
      "trips per `/profile` request." +
      ` Memory with Redis: ${server.redis.memory.requests} requests, RSS ` +
      `${oneDecimal(server.redis.memory.beforeMb)} → ${oneDecimal(server.redis.memory.settledMb)} MB ` +
      `(growth ${oneDecimal(server.redis.memory.growthMb)} MB); Redis keys ` +
      `${server.redis.keys.before} → ${server.redis.keys.after} for ` +
      `${server.redis.keys.signIns} sign-ins (at most ${server.redis.keys.allowed} new keys: ` +
      `a session and a used state each).`,
  ];
}

const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "–");

function floorSection(floor: FloorComparison): string {
  const { settings, versions } = floor;
  const ratios = new Map(floor.ratios.map((entry) => [entry.name, entry]));
  const sessionCost = floor.sessionCost
    .map(
      (cost) =>
        `${ratio(cost.median)} with sessions in ${cost.store} (rounds: ${cost.perRound.map(ratio).join(", ")})`,
    )
    .join("; ");
  return (
    `**Beside the framework's floor** (a bare app of Next.js ${versions.next} and React ` +
    `${versions.react}, one dynamic page that reads a request header, standalone server; ` +
    `${settings.rounds} rounds, each the floor and then every page in this order, autocannon with ` +
    `${settings.connections} connections for ${settings.seconds} s each, after a ` +
    `${settings.warmupSeconds} s warm-up of each before the first round)\n\n` +
    table(
      [
        "measured",
        "req/s, each round",
        "server CPU ms/request, each round",
        "÷ the floor, each round",
        "÷ the floor, median",
        "÷ the floor by server CPU, median",
        "unexpected",
      ],
      floor.measured.map((entry) => {
        const against = ratios.get(entry.name);
        return [
          `${entry.name} \`${entry.path}\``,
          entry.runs.map((run) => whole(run.requestsPerSecond)).join(", "),
          entry.runs.map((run) => run.serverCpuMsPerRequest.toFixed(2)).join(", "),
          against ? against.perRound.map(ratio).join(", ") : "–",
          against ? `**${ratio(against.median)}**` : "–",
          against ? ratio(against.byCpuMedian) : "–",
          String(entry.runs.reduce((sum, run) => sum + run.unexpected, 0)),
        ];
      }),
    ) +
    `\n\nThe session's cost, profile ÷ start page by server CPU per request (median of the rounds): ${sessionCost}.`
  );
}

function browserSignInSection(signIns: BrowserSignInSummary): string {
  const row = (name: string, key: Exclude<keyof BrowserSignInSummary, "runs">) => [
    name,
    whole(signIns[key].median),
    whole(signIns[key].min),
    whole(signIns[key].max),
  ];
  return (
    `**Sign-in in the browser** (Chromium, ${signIns.runs} sign-ins one after another, each in a ` +
    "fresh browser context; from asking for `/profile` with no session to the profile's load " +
    "event; each response timed as the browser saw it, from its request's start to its last byte)\n\n" +
    table(
      ["part", "median ms", "fastest ms", "slowest ms"],
      [
        row("the whole sign-in", "totalMs"),
        row("**the portal's share**: its four responses below", "portalMs"),
        row("the route gate's redirect, `/profile` with no session", "gateMs"),
        row("the sign-in route, `/auth/sign-in`", "signInRouteMs"),
        row("the callback, with its token and userinfo requests", "callbackMs"),
        row("the profile's HTML", "profileHtmlMs"),
        row("NHS login's responses: its redirects, pages and form posts", "nhsLoginMs"),
        row(
          "NHS login's two pages after their HTML (styles, fonts refused)",
          "nhsLoginPagesAfterHtmlMs",
        ),
        row("the clicks, from a page's load event to its form's request", "clicksMs"),
        row("the profile after its HTML (styles, scripts, load event)", "profileAfterHtmlMs"),
        row("the rest (navigations starting, events reaching the script)", "otherMs"),
      ],
    ) +
    "\n\nThe medians of the parts come from different sign-ins, so they add up to the whole's only roughly."
  );
}
