import { getConfig } from "./config";
import { log } from "./log";
import { giveEachRequestAReference } from "./request-context";
import { sessionStore } from "./session/current";
import { shutDownOnSignals, shutdownTimeoutMs, type Closer } from "./shutdown";

type Env = Record<string, string | undefined>;

/** How long start-up waits for the session store before serving anyway (gated pages say 503). */
const STORE_WAIT_MS = 5_000;

/** Telemetry is on when an OTLP endpoint is set (OpenTelemetry's own variables), and not disabled. */
export function telemetryEnabled(env: Env): boolean {
  return (
    env.OTEL_SDK_DISABLED !== "true" &&
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
  );
}

/**
 * What the server sets up once, before it serves anything (called from instrumentation.ts):
 * each request's reference; telemetry when configured (the SDK is imported only then, so that
 * off costs nothing); the session store, opened so the first requests find it connected; and
 * the graceful shutdown that closes the store, then the exporter, once requests have finished.
 */
export async function onServerStart(env: Env): Promise<void> {
  giveEachRequestAReference();
  const closers: Closer[] = [];
  const store = sessionStore();
  closers.push({ name: "session store", close: () => store.close() });
  if (telemetryEnabled(env)) {
    const { startTelemetry } = await import("./telemetry/start");
    closers.push(startTelemetry(env));
  }
  await store.whenAvailable(STORE_WAIT_MS);
  // Next.js stands aside when this is set (scripts/complete-standalone.mjs sets it in the
  // production server); under `next dev` it shuts down as it always has.
  const gracefulShutdown = env.NEXT_MANUAL_SIG_HANDLE === "true";
  if (gracefulShutdown) shutDownOnSignals({ timeoutMs: shutdownTimeoutMs(env), closers });
  const where = getConfig().sessionStore;
  log("info", "server-started", {
    node: process.version,
    sessionStore: where.kind === "redis" ? `redis (${where.topology.kind})` : where.kind,
    telemetry: telemetryEnabled(env),
    gracefulShutdown,
  });
}
