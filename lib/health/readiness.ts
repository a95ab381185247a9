import { setTimeout as sleep } from "node:timers/promises";
import { moduleLog } from "../log";

const log = moduleLog("health");

export type CheckStatus = "ok" | "failing";

/**
 * `ok`: everything answers. `degraded`: something this instance can work without is failing (NHS
 * login: public pages and the "not available" page still serve). `unavailable`: this instance
 * cannot serve, and a load balancer should send its traffic elsewhere.
 */
export type Readiness = "ok" | "degraded" | "unavailable";

export interface ReadinessReport {
  status: Readiness;
  checks: Record<string, CheckStatus>;
}

/** One thing the instance relies on, checked by asking it. */
export interface ReadinessCheck {
  /** Without it this instance cannot serve at all. */
  essential: boolean;
  /** Resolves when the dependency answers; rejects when it does not. */
  check(): Promise<void>;
}

export interface ReadinessOptions {
  /** How long one answer is reused, so that frequent probes cost nothing. */
  cacheMs: number;
  /** A check that has not answered by then is failing. */
  timeoutMs: number;
  now?: () => number;
}

async function run(check: ReadinessCheck, timeoutMs: number): Promise<CheckStatus> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      check.check().then(() => "ok" as const),
      sleep(timeoutMs, "failing" as const, { signal: timer.signal }),
    ]);
  } catch {
    return "failing";
  } finally {
    timer.abort();
  }
}

function overall(
  checks: Record<string, ReadinessCheck>,
  results: Record<string, CheckStatus>,
): Readiness {
  const failing = Object.keys(results).filter((name) => results[name] === "failing");
  if (failing.some((name) => checks[name]!.essential)) return "unavailable";
  return failing.length > 0 ? "degraded" : "ok";
}

/**
 * Whether this instance can serve, from named checks run side by side. Plug a check in by adding
 * its name. An answer is reused for `cacheMs`; after that the next probe still gets it at once
 * while the checks run again in the background, so a dependency that hangs never makes a probe
 * wait (a load balancer would take the instance out for being slow). Only the first probe waits.
 * A change of status is logged once, naming what fails: not on every probe.
 */
export function readinessProbe(
  checks: Record<string, ReadinessCheck>,
  options: ReadinessOptions,
): () => Promise<ReadinessReport> {
  const now = options.now ?? Date.now;
  let latest: { report: ReadinessReport; at: number } | undefined;
  let running: Promise<ReadinessReport> | undefined;

  async function evaluate(): Promise<ReadinessReport> {
    const names = Object.keys(checks);
    const statuses = await Promise.all(names.map((name) => run(checks[name]!, options.timeoutMs)));
    const results = Object.fromEntries(names.map((name, i) => [name, statuses[i]!]));
    const report = { status: overall(checks, results), checks: results };
    if (report.status !== (latest?.report.status ?? "ok")) {
      log(report.status === "ok" ? "info" : "warn", "readiness-changed", {
        from: latest?.report.status ?? "starting",
        to: report.status,
        failing: names.filter((name) => results[name] === "failing").join(" ") || undefined,
      });
    }
    latest = { report, at: now() };
    return report;
  }

  return () => {
    if (latest && now() - latest.at < options.cacheMs) return Promise.resolve(latest.report);
    running ??= evaluate().finally(() => (running = undefined));
    return latest ? Promise.resolve(latest.report) : running;
  };
}
