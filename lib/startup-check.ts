import { ConfigError, getConfig } from "./config";
import { log, logLevelProblem } from "./log";
import { shutdownTimeoutProblem } from "./shutdown";

type Env = Record<string, string | undefined>;

/** Stops the server with every configuration problem listed, rather than failing on first use. */
export function checkConfigurationOrExit(env: Env = process.env): void {
  const problems = [
    logLevelProblem(env.LOG_LEVEL),
    shutdownTimeoutProblem(env.SHUTDOWN_TIMEOUT_SECONDS),
  ].filter((problem) => problem !== undefined);
  try {
    const { nhsApi, goLiveOverrides } = getConfig();
    if (nhsApi.status === "not-configured") {
      // Said once here; the pages that need the APIs say so to people.
      log("warn", "nhs-api-not-configured", {
        environment: nhsApi.environment,
        reason: nhsApi.reason,
      });
    }
    if (nhsApi.status === "not-available") log("info", "nhs-api-not-available");
    // An override says a test meant it; every start says it again, so it is never forgotten.
    for (const { override, problem } of goLiveOverrides) {
      log("warn", "go-live-check-overridden", { override, problem });
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.unshift(...error.problems);
  }
  if (problems.length > 0) {
    console.error(new ConfigError(problems).message);
    process.exit(1);
  }
}
