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
  /**
   * Without it this instance cannot serve at all. A probe waits for an essential check's fresh
   * answer (within its deadline); for any other, it takes the last answer while a new one comes.
   */
  essential: boolean;
  /** Resolves when the dependency answers; rejects when it does not. */
  check(): Promise<void>;
  /** Not answered by then: failing. */
  timeoutMs: number;
  /** How long an answer is reused, so that frequent probes cost nothing. */
  cacheMs: number;
}

interface CheckState {
  latest?: { status: CheckStatus; at: number };
  running?: Promise<CheckStatus>;
}

async function run(check: ReadinessCheck): Promise<CheckStatus> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      check.check().then(() => "ok" as const),
      sleep(check.timeoutMs, "failing" as const, { signal: timer.signal }),
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
 * Whether this instance can serve, from named checks run side by side, each with its own
 * deadline and its own cache. Plug a check in by adding its name. So a probe answers within the
 * longest essential deadline whatever a dependency does: an essential dependency that hangs makes
 * the answer "unavailable" at its deadline, and a non-essential one never makes a probe wait once
 * it has answered once. Probes that arrive together share one run of each check. A change of
 * status is logged once, naming what fails: not on every probe.
 */
export function readinessProbe(
  checks: Record<string, ReadinessCheck>,
  options: { now?: () => number } = {},
): () => Promise<ReadinessReport> {
  const now = options.now ?? Date.now;
  const states = new Map<string, CheckState>(Object.keys(checks).map((name) => [name, {}]));
  let reported: Readiness | undefined;

  function statusOf(name: string): CheckStatus | Promise<CheckStatus> {
    const check = checks[name]!;
    const state = states.get(name)!;
    const { latest } = state;
    if (latest && now() - latest.at < check.cacheMs) return latest.status;
    state.running ??= run(check).then((status) => {
      state.latest = { status, at: now() };
      state.running = undefined;
      return status;
    });
    return check.essential || !latest ? state.running : latest.status;
  }

  return async () => {
    const names = Object.keys(checks);
    const statuses = await Promise.all(names.map(statusOf));
    const results = Object.fromEntries(names.map((name, i) => [name, statuses[i]!]));
    const report = { status: overall(checks, results), checks: results };
    if (report.status !== (reported ?? "ok")) {
      log(report.status === "ok" ? "info" : "warn", "readiness-changed", {
        from: reported ?? "starting",
        to: report.status,
        failing: names.filter((name) => results[name] === "failing").join(" ") || undefined,
      });
    }
    reported = report.status;
    return report;
  };
}
