/**
 * Next.js's instrumentation hook: runs once when the server starts. The configuration is checked
 * first, so a mistake stops the server with a clear message; then lib/server-start.ts sets up
 * request references, telemetry, the session store and graceful shutdown.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/startup-check");
    checkConfigurationOrExit();
    const { onServerStart } = await import("./lib/server-start");
    await onServerStart(process.env);
  }
}
