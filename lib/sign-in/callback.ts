import { NextResponse, type NextRequest } from "next/server";
import { completeSignIn, type SignInFailure } from "../auth";
import { getConfig } from "../config";
import { setCookie } from "../cookies";
import { log, requestReference } from "../log";
import { isNhsApp } from "../nhs-app";
import { publicOrigin, publicUrl } from "../public-url";
import { accountSwitchCookie, sessionCookie, sessions, sessionStore } from "../session/current";
import type { NewSession } from "../session/sessions";
import { isSessionStoreUnavailable, SessionStoreUnavailableError } from "../session/store";
import {
  ATTEMPT_SECONDS,
  attemptId,
  findAttempt,
  forgetAttempt,
  type SignInAttempt,
} from "./attempts";
import {
  codeForNhsLoginError,
  errorPage,
  isNhsLoginError,
  noConsentPage,
  serviceUnavailable,
  type SignInErrorCode,
} from "./outcomes";
import {
  reauthenticated,
  reauthenticationRequired,
  type Reauthentication,
} from "./reauthentication";

const PAGE_FOR_FAILURE: Record<SignInFailure["kind"], SignInErrorCode> = {
  refused: "refused",
  unavailable: "unavailable",
  "reauthentication-required": "reauthentication_required",
};

/**
 * NHS login's redirect back to the portal (`GET /api/auth/callback/nhs-login`). It must belong
 * to a sign-in this browser started (found by its `state`, used once); NHS login's error answers
 * go to the page that explains each; otherwise the sign-in is completed and checked, and a new
 * session replaces whatever this browser had. Every outcome carries a reference the log shares.
 */
export async function handleCallback(request: NextRequest): Promise<Response> {
  const config = getConfig();
  const secure = config.auth.secureCookies;
  const reference = requestReference();
  const params = request.nextUrl.searchParams;
  const state = params.get("state");
  const attempt = findAttempt(request, state, config.auth.secret, secure);

  // Whatever the outcome, the attempt is used up.
  const used = (response: NextResponse) => {
    if (state && attempt) forgetAttempt(response, state, secure);
    return response;
  };
  const respond = (path: string) => used(redirect(request, path));

  if (!attempt) {
    log("warn", "callback-without-sign-in", { reference });
    const fromNhsApp = isNhsApp(request.headers.get("user-agent"));
    return respond(errorPage("refused", reference, { returnTo: "/profile", fromNhsApp }));
  }
  // Used once on the server too, not only because the browser drops its cookie: a kept copy of
  // the attempt must not make the portal send NHS login code after code.
  let firstUse: boolean;
  try {
    firstUse = await sessionStore().claim(`sign-in:${attemptId(attempt.state)}`, ATTEMPT_SECONDS);
  } catch (error) {
    if (isSessionStoreUnavailable(error)) return used(serviceUnavailable(request, "callback"));
    throw error;
  }
  if (!firstUse) {
    log("warn", "callback-replayed", { reference });
    return respond(errorPage("refused", reference, attempt));
  }

  const error = params.get("error");
  if (error !== null) {
    const consentNotGiven =
      error === "access_denied" && params.get("error_description") === "ConsentNotGiven";
    const code = codeForNhsLoginError(error, attempt.upliftFrom !== undefined);
    log("info", "nhs-login-returned-error", {
      reference,
      error: isNhsLoginError(error) ? error : "other",
      // Not `code`: the log withholds any field of that name (an authorization code).
      outcome: code,
      consentNotGiven,
    });
    // Someone who declined while still logged in (raising their level, say) keeps their session:
    // the error page tells them so, where the no-consent page would say they cannot continue.
    const loggedIn =
      consentNotGiven &&
      (await sessions().read(sessionCookie(request.cookies))).status === "active";
    return respond(
      consentNotGiven && !loggedIn
        ? noConsentPage(attempt.fromNhsApp)
        : errorPage(code, reference, attempt),
    );
  }

  const marked = reauthenticationRequired(request);
  const result = await completeSignIn({
    callbackUrl: new URL(
      `${request.nextUrl.pathname}${request.nextUrl.search}`,
      publicOrigin(request, config.auth.url),
    ),
    checks: attempt.checks,
    expected: {
      vectors: attempt.vectors,
      // The NHS App vouches for its own log-in: an assertion stands for a fresh authentication.
      ...(attempt.fromNhsApp
        ? {}
        : {
            authenticatedSince: latest(attempt.authenticatedSince, marked?.since),
            authenticatedAfter: marked?.after,
          }),
    },
  });
  if (!result.ok) {
    const { kind, reason } = result.failure;
    log(kind === "unavailable" ? "error" : "warn", "sign-in-refused", {
      reference,
      failure: kind,
      reason,
    });
    return respond(errorPage(PAGE_FOR_FAILURE[kind], reference, attempt));
  }

  try {
    return used(await startSession(request, result.session, attempt, reference, marked));
  } catch (error) {
    if (isSessionStoreUnavailable(error)) {
      return used(serviceUnavailable(request, "sign-in"));
    }
    throw error;
  }
}

/**
 * Opens the new session and ends the one it replaces (an uplift, or a log-in again). A log-in as
 * someone else while a session is active waits for the person to confirm the switch: an
 * attacker's link must never swap a person's session for the attacker's without them seeing it.
 */
async function startSession(
  request: NextRequest,
  signedIn: NewSession,
  attempt: SignInAttempt,
  reference: string,
  marked: Reauthentication | undefined,
): Promise<NextResponse> {
  const secure = getConfig().auth.secureCookies;
  const current = await sessions().read(sessionCookie(request.cookies));
  if (current.status === "unavailable") throw new SessionStoreUnavailableError("read");
  const opened = await sessions().open({
    ...signedIn,
    ...(attempt.notice ? { notice: attempt.notice } : {}),
  });
  log("info", "sign-in", { reference, verificationLevel: signedIn.patient.level });

  if (current.status === "active" && current.session.patient.sub !== signedIn.patient.sub) {
    log("info", "account-switch-offered", { reference });
    // One log-in waits to be confirmed at a time: an earlier one is ended, not left behind.
    const earlier = await sessions().read(accountSwitchCookie(request.cookies));
    if (earlier.status === "active") await sessions().end(earlier.key, "replaced");
    const response = redirect(
      request,
      `/auth/switch-account?${new URLSearchParams({ returnTo: attempt.returnTo })}`,
    );
    setCookie(response, "accountSwitch", opened.cookie, secure);
    return response;
  }
  if (current.status === "active") await sessions().end(current.key, "replaced");
  const response = redirect(request, attempt.returnTo);
  setCookie(response, "session", opened.cookie, secure);
  // Only a log-in checked for freshness ends the requirement; the NHS App's is not (0014).
  if (!attempt.fromNhsApp && marked) reauthenticated(response);
  return response;
}

function latest(...times: Array<number | undefined>): number | undefined {
  const known = times.filter((time): time is number => time !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

function redirect(request: NextRequest, path: string): NextResponse {
  const response = NextResponse.redirect(publicUrl(path, request, getConfig().auth.url), 303);
  response.headers.set("cache-control", "no-store");
  return response;
}
