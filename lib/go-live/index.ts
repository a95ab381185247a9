/**
 * Go-live guards: what a production server (NODE_ENV=production) outside the local environment
 * refuses to start with, because real people would meet it: an NHS login or API platform address
 * that is not its environment's own, and the template's words. An override variable for each
 * lets a production build start anyway, for a test; the portal then warns at every start.
 */
import { z } from "zod";
import {
  CONTENT_OVERRIDE,
  contentFindings,
  endpointFindings,
  ENDPOINTS_OVERRIDE,
  type Endpoints,
  type Override,
} from "./findings";

export { CONTENT_OVERRIDE, ENDPOINTS_OVERRIDE } from "./findings";
export { TEMPLATE_SERVICE_NAME } from "./template-content";

const OVERRIDE_MEANING: Record<Override, string> = {
  [ENDPOINTS_OVERRIDE]: "only to test this build against another NHS login or API platform",
  [CONTENT_OVERRIDE]: "to start anyway for a test, never where real people use the service",
};

const overridesSchema = z.object({
  [ENDPOINTS_OVERRIDE]: z.enum(["true", "false"]).default("false"),
  [CONTENT_OVERRIDE]: z.enum(["true", "false"]).default("false"),
});

/** A guard that an override let through: said loudly at every start. */
export interface OverriddenGuard {
  override: Override;
  problem: string;
}

export interface GoLiveOutcome {
  /** Refusals, each naming the variable, the fix and the override. */
  problems: string[];
  overridden: OverriddenGuard[];
}

export interface GoLiveFacts extends Endpoints {
  serviceName: string;
}

export function checkGoLive(
  env: Record<string, string | undefined>,
  facts: GoLiveFacts,
  readFile: (path: string) => string,
): GoLiveOutcome {
  const outcome: GoLiveOutcome = { problems: [], overridden: [] };
  if (env.NODE_ENV !== "production" || facts.nhsLogin.environment === "local") return outcome;
  const overrides = overridesSchema.safeParse(env);
  if (!overrides.success) {
    outcome.problems.push(
      ...overrides.error.issues.map((issue) => `${issue.path.join(".")}: must be true or false.`),
    );
    return outcome;
  }
  const findings = [...endpointFindings(facts), ...contentFindings(facts.serviceName, readFile)];
  for (const { override, problem, fix } of findings) {
    if (overrides.data[override] === "true") {
      outcome.overridden.push({ override, problem });
    } else {
      outcome.problems.push(
        `${problem}; ${fix}, or set ${override}=true ${OVERRIDE_MEANING[override]}.`,
      );
    }
  }
  return outcome;
}
