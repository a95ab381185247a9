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

/** NHS login's errors at the redirect URI, as the portal words them for the person. */
export function codeForNhsLoginError(error: string, upliftFrom: unknown): SignInErrorCode {
  switch (error) {
    case "temporarily_unavailable":
    case "server_error":
      return "unavailable";
    case "invalid_scope":
      return "invalid_scope";
    case "login_required":
    case "sso_login_required":
    case "interaction_required":
    case "consent_required":
      return "login_required";
    case "access_denied":
      return upliftFrom ? "uplift_not_completed" : "access_denied";
    default:
      return "refused";
  }
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
