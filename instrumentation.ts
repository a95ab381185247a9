/**
 * At start-up: checks the configuration, so a mistake stops the server with a clear message,
 * and connects to the session store.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startUp } = await import("./lib/startup-check");
    await startUp();
  }
}
