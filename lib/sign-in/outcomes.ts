import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "../config";
import { log, requestReference } from "../log";
import { publicUrl } from "../public-url";

/**
 * Where a sign-in that did not end in a session sends the person. Each code has its own
 * wording on the error page (app/auth/error/page.tsx); unknown codes read as `refused`.
 */
export type SignInErrorCode =
  /** NHS login did not answer, or said it is temporarily unavailable. */
  | "unavailable"
  | "invalid_scope"
  /** A silent log-in (inside the NHS App) needed the person to log in. */
  | "login_required"
  /** A logged-in person abandoned or failed identity verification while uplifting. */
  | "uplift_not_completed"
  | "access_denied"
  /** NHS login reused an earlier log-in when a fresh one was needed. */
  | "reauthentication_required"
  | "refused";

/**
 * NHS login's errors at the redirect URI (OpenID Connect's and its own), as the portal words them
 * for the person. Any other value is `refused`, and the log names it only as "other".
 */
const NHS_LOGIN_ERRORS = {
  invalid_request: "refused",
  unauthorized_client: "refused",
  unsupported_response_type: "refused",
  invalid_scope: "invalid_scope",
  server_error: "unavailable",
  temporarily_unavailable: "unavailable",
  login_required: "login_required",
  sso_login_required: "login_required",
  interaction_required: "login_required",
  consent_required: "login_required",
  access_denied: "access_denied",
} as const satisfies Record<string, SignInErrorCode>;

export type NhsLoginError = keyof typeof NHS_LOGIN_ERRORS;

export function isNhsLoginError(error: string): error is NhsLoginError {
  return Object.hasOwn(NHS_LOGIN_ERRORS, error);
}

/** A refusal while a logged-in person was raising their verification level is its own page. */
export function codeForNhsLoginError(error: string, uplifting: boolean): SignInErrorCode {
  if (!isNhsLoginError(error)) return "refused";
  const code = NHS_LOGIN_ERRORS[error];
  return code === "access_denied" && uplifting ? "uplift_not_completed" : code;
}

export function errorPage(
  code: SignInErrorCode,
  reference: string,
  from: { returnTo: string; fromNhsApp: boolean },
): string {
  const query = new URLSearchParams({ code, ref: reference, returnTo: from.returnTo });
  if (from.fromNhsApp) query.set("context", "nhs-app");
  return `/auth/error?${query}`;
}

/** NHS login's required page for a person who chose not to share their information. */
export function noConsentPage(fromNhsApp: boolean): string {
  return fromNhsApp ? "/auth/no-consent?context=nhs-app" : "/auth/no-consent";
}

export const SERVICE_UNAVAILABLE_PATH = "/service-unavailable";

/**
 * The session store could not be reached: the NHS-styled "service unavailable" page (answered
 * with 503 by the route gate), with a reference that leads an operator to this log line.
 */
export function serviceUnavailable(request: NextRequest, during: string): NextResponse {
  const reference = requestReference();
  log("error", "session-store-unavailable", { reference, during });
  const url = publicUrl(
    `${SERVICE_UNAVAILABLE_PATH}?ref=${reference}`,
    request,
    getConfig().auth.url,
  );
  const response = NextResponse.redirect(url, 303);
  response.headers.set("cache-control", "no-store");
  return response;
}
