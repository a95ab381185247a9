/** NHS login's rules for /authorize beyond what oidc-provider checks by itself. */
import type { SimulatorClient } from "./clients";
import { CONSENT_ANSWERS, HEADLESS_PARAMETERS, UPLIFT_ANSWERS } from "./headless";
import { requestedVectors } from "./vectors";

export type RequestProblem = { error: "invalid_request" | "invalid_scope"; description: string };

export function checkAuthorizationRequest(
  params: Record<string, unknown>,
  client: SimulatorClient,
): RequestProblem | undefined {
  for (const required of ["state", "nonce"] as const) {
    const value = params[required];
    if (typeof value !== "string" || value === "") {
      return { error: "invalid_request", description: `${required} is required` };
    }
  }
  if (params.response_mode !== undefined && params.response_mode !== "query") {
    return { error: "invalid_request", description: "only response_mode=query is supported" };
  }
  const scopes = typeof params.scope === "string" ? params.scope.split(" ").filter(Boolean) : [];
  if (!scopes.includes("openid")) {
    return { error: "invalid_scope", description: "scope must include openid" };
  }
  const unregistered = scopes.filter((scope) => !(client.scopes as string[]).includes(scope));
  if (unregistered.length > 0) {
    return {
      error: "invalid_scope",
      description: `client is not registered for scope ${unregistered.join(" ")}`,
    };
  }
  if (scopes.includes("profile") && scopes.includes("basic_demographics")) {
    return {
      error: "invalid_scope",
      description: "profile and basic_demographics cannot be requested together",
    };
  }
  const vtr = requestedVectors(params.vtr, client.vectors);
  if (!vtr.ok) return { error: "invalid_request", description: vtr.reason };
  const allowRegistration = params.allow_registration;
  if (
    allowRegistration !== undefined &&
    allowRegistration !== "true" &&
    allowRegistration !== "false"
  ) {
    return { error: "invalid_request", description: "allow_registration must be true or false" };
  }
  for (const [name, answers] of [
    [HEADLESS_PARAMETERS.consent, CONSENT_ANSWERS],
    [HEADLESS_PARAMETERS.uplift, UPLIFT_ANSWERS],
  ] as const) {
    const value = params[name];
    if (value !== undefined && !(answers as readonly unknown[]).includes(value)) {
      return { error: "invalid_request", description: `${name} must be ${answers.join(" or ")}` };
    }
  }
  return undefined;
}
