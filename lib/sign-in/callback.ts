import type { NextRequest } from "next/server";
import { portalSetCookie } from "../cookies";
import { log, newReference } from "../log";
import { publicUrl } from "../public-url";
import { decodeSignInAttempt, signInCookieName, type SignInAttempt } from "./attempt";
import { runInCallbackContext, type CallbackContext } from "./context";
import { timedOutNoticeCookieName } from "./timed-out";
import type { TimeoutReason } from "../session/session";

type Handler = (request: NextRequest) => Promise<Response>;

/** Errors NHS login may return to the redirect URI that the error page explains. */
const KNOWN_ERRORS = new Set([
  "invalid_scope",
  "sso_login_required",
  "login_required",
  "server_error",
  "temporarily_unavailable",
  "access_denied",
]);

export interface CallbackSettings {
  secret: string;
  secureCookies: boolean;
  /** AUTH_URL: where redirects go (see lib/public-url.ts). */
  authUrl: string | undefined;
}

/**
 * Wraps next-auth's callback: NHS login's error responses are turned into the right page here
 * (next-auth reduces them all to one), a callback that does not belong to the sign-in this
 * browser started is refused before any token is fetched, and every outcome carries a
 * reference that the log shares.
 */
export async function handleCallback(
  request: NextRequest,
  settings: CallbackSettings,
  nextAuth: Handler,
): Promise<Response> {
  const reference = newReference();
  const cookieName = signInCookieName(settings.secureCookies);
  const attempt = await decodeSignInAttempt(
    request.cookies.get(cookieName)?.value,
    settings.secret,
  );
  const params = request.nextUrl.searchParams;
  const state = params.get("state");
  const matches = attempt !== null && state !== null && attempt.state === state;

  const respond = (location: string) => redirect(request, location, cookieName, settings);

  if (!matches) {
    log("warn", "callback-without-sign-in", { reference, hadAttempt: attempt !== null });
    return respond(errorPage("refused", reference, attempt));
  }

  const error = params.get("error");
  if (error !== null) {
    const description = params.get("error_description");
    log("info", "nhs-login-returned-error", {
      reference,
      error: KNOWN_ERRORS.has(error) ? error : "other",
      consentNotGiven: description === "ConsentNotGiven",
    });
    if (error === "access_denied" && description === "ConsentNotGiven") {
      return respond(attempt.fromNhsApp ? "/auth/no-consent?context=nhs-app" : "/auth/no-consent");
    }
    return respond(errorPage(KNOWN_ERRORS.has(error) ? error : "refused", reference, attempt));
  }

  const context: CallbackContext = { reference, attempt, state };
  let response: Response;
  try {
    response = await runInCallbackContext(context, () => nextAuth(request));
  } catch (error) {
    // The provider could not be set up: NHS login's discovery document is out of reach.
    log("error", "nhs-login-unavailable", {
      reference,
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
    return respond(errorPage("unavailable", reference, attempt));
  }
  const location = response.headers.get("location") ?? "";
  // next-auth sends any exception it caught to its error page with only an error type.
  const failed = /\/auth\/error\?error=/.test(location);
  const target = failed
    ? errorPage(context.unavailable ? "unavailable" : "refused", reference, attempt)
    : location.startsWith("/auth/error?") && attempt.fromNhsApp
      ? `${location}&context=nhs-app`
      : location;
  const result = new Response(null, { status: 303, headers: new Headers(response.headers) });
  const destination = publicUrl(target, request, settings.authUrl);
  result.headers.set("location", destination.toString());
  result.headers.append("set-cookie", expiredCookie(cookieName, settings.secureCookies));
  if (attempt.timedOut && !destination.pathname.startsWith("/auth/error")) {
    result.headers.append("set-cookie", timedOutNotice(attempt.timedOut, settings.secureCookies));
  }
  return result;
}

function errorPage(code: string, reference: string, attempt: SignInAttempt | null): string {
  const query = new URLSearchParams({ code, ref: reference });
  if (attempt?.fromNhsApp) query.set("context", "nhs-app");
  return `/auth/error?${query}`;
}

function redirect(
  request: NextRequest,
  location: string,
  cookieName: string,
  settings: CallbackSettings,
): Response {
  const headers = new Headers({
    location: publicUrl(location, request, settings.authUrl).toString(),
  });
  headers.append("set-cookie", expiredCookie(cookieName, settings.secureCookies));
  headers.set("cache-control", "no-store");
  return new Response(null, { status: 303, headers });
}

/** Read once by the proxy on the next page, so five minutes is plenty. */
const NOTICE_MAX_AGE_SECONDS = 300;

function timedOutNotice(reason: TimeoutReason, secure: boolean): string {
  return portalSetCookie(timedOutNoticeCookieName(secure), reason, secure, NOTICE_MAX_AGE_SECONDS);
}

function expiredCookie(name: string, secure: boolean): string {
  return portalSetCookie(name, "", secure, 0);
}
