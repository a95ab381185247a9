/** How the API platform and its APIs word their answers: OAuth errors, FHIR OperationOutcomes, faults. */
import { randomUUID } from "node:crypto";
import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";
import type { Context } from "koa";
import {
  API_RETRY_AFTER_SECONDS,
  DEFAULT_SLOW_TOKEN_DELAY_MS,
  type ApiCallFault,
  type ArmedFault,
} from "../faults";
import { sleep } from "../http";

const SPINE_CODES = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";

/** The token endpoint's errors: `error`, `error_description` and the platform's `message_id`. */
export function sendOAuthError(
  ctx: Context,
  status: number,
  error: string,
  description: string,
): void {
  ctx.status = status;
  ctx.type = "application/json";
  ctx.set("Cache-Control", "no-store");
  ctx.body = JSON.stringify({ error, error_description: description, message_id: randomUUID() });
}

export function sendFhir(ctx: Context, status: number, resource: object): void {
  ctx.status = status;
  ctx.type = "application/fhir+json";
  ctx.body = JSON.stringify(resource);
}

export interface SpineError {
  status: number;
  /** FHIR issue type, e.g. "forbidden", "not-found", "value". */
  issueCode: OperationOutcomeIssue["code"];
  /** Spine's code, e.g. "ACCESS_DENIED". */
  code: string;
  display: string;
  diagnostics?: string;
  severity?: "error" | "information";
}

export function spineOutcome(error: SpineError): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: error.severity ?? "error",
        code: error.issueCode,
        details: {
          coding: [{ system: SPINE_CODES, version: "1", code: error.code, display: error.display }],
        },
        ...(error.diagnostics ? { diagnostics: error.diagnostics } : {}),
      },
    ],
  };
}

export function sendSpineError(ctx: Context, error: SpineError): void {
  sendFhir(ctx, error.status, spineOutcome(error));
}

export const ACCESS_DENIED_UNAUTHORISED = (diagnostics: string): SpineError => ({
  status: 401,
  issueCode: "forbidden",
  code: "ACCESS_DENIED",
  display: "Access Denied - Unauthorised",
  diagnostics,
});

const FAULT_ANSWERS: Record<Exclude<ApiCallFault, "slow" | "down">, SpineError> = {
  unauthorized: ACCESS_DENIED_UNAUTHORISED("Invalid Access Token"),
  rate_limited: {
    status: 429,
    issueCode: "throttled",
    code: "TOO_MANY_REQUESTS",
    display: "Too many requests",
    diagnostics:
      "This API is currently receiving a high volume of requests and is being rate limited.",
  },
  server_error: {
    status: 500,
    issueCode: "exception",
    code: "UNKNOWN_ERROR",
    display: "Unknown error",
    diagnostics: "Simulated failure of the API.",
  },
  unavailable: {
    status: 503,
    issueCode: "timeout",
    code: "SERVICE_UNAVAILABLE",
    display: "Service unavailable",
    diagnostics:
      "The downstream domain processing has not completed within the configured timeout period. Using the same 'X-Request-ID' header, retry your request after the time specified by the 'Retry-After' response header.",
  },
};

/**
 * Plays an armed API fault. Returns true when the fault has answered (or dropped) the request;
 * a slow fault only waits, then lets the request be answered as usual.
 */
export async function playApiFault(
  ctx: Context,
  armed: ArmedFault,
  fault: ApiCallFault,
): Promise<boolean> {
  if (fault === "slow") {
    const aborted = new AbortController();
    ctx.res.once("close", () => aborted.abort());
    await sleep(armed.delayMs ?? DEFAULT_SLOW_TOKEN_DELAY_MS, aborted.signal);
    return false;
  }
  if (fault === "down") {
    // As if nothing listened: the connection closes with no answer at all.
    ctx.respond = false;
    ctx.req.socket.destroy();
    return true;
  }
  const answer = FAULT_ANSWERS[fault];
  if (fault === "rate_limited" || fault === "unavailable") {
    ctx.set("Retry-After", String(API_RETRY_AFTER_SECONDS));
  }
  sendSpineError(ctx, answer);
  return true;
}
