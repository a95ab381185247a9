/** Checks the configuration once at start-up, so a mistake stops the server with a clear message. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/startup-check");
    checkConfigurationOrExit();
  }
}
