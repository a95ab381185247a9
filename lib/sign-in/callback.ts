import { NextResponse, type NextRequest } from "next/server";
import { completeSignIn, type SignInExpectations, type SignInFailure } from "../auth";
import { getConfig } from "../config";
import { setCookie } from "../cookies";
import { log, requestReference } from "../log";
import { isNhsApp } from "../nhs-app";
import { publicOrigin, publicUrl } from "../public-url";
import { accountSwitchCookie, sessionCookie, sessions, sessionStore } from "../session/current";
import { authenticationClock, limitReached, nowSeconds } from "../session/rules";
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
  requireReauthentication,
  type Reauthentication,
} from "./reauthentication";

type Freshness = Pick<SignInExpectations, "authenticatedSince" | "authenticatedAfter">;

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
  const attempt = findAttempt(request, state, config.auth.secrets, secure);

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
  // The NHS App vouches for its own log-in: an assertion stands for a fresh authentication.
  const freshness: Freshness = attempt.fromNhsApp
    ? {}
    : {
        authenticatedSince: latest(attempt.authenticatedSince, marked?.since),
        authenticatedAfter: marked?.after,
      };
  const result = await completeSignIn({
    callbackUrl: new URL(
      `${request.nextUrl.pathname}${request.nextUrl.search}`,
      publicOrigin(request, config.auth.url),
    ),
    checks: attempt.checks,
    expected: { vectors: attempt.vectors, ...freshness },
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

  const fresh = freshness.authenticatedSince !== undefined;
  try {
    return used(await startSession(request, result.session, attempt, { reference, fresh, marked }));
  } catch (error) {
    if (isSessionStoreUnavailable(error)) {
      return used(serviceUnavailable(request, "sign-in"));
    }
    throw error;
  }
}

/**
 * Opens the new session and ends the one it replaces (an uplift, or a log-in again), keeping the
 * clock of the absolute limit unless this log-in was a fresh one. A log-in as someone else while
 * a session is active waits for the person to confirm the switch: an attacker's link must never
 * swap a person's session for the attacker's without them seeing it.
 */
async function startSession(
  request: NextRequest,
  signedIn: NewSession,
  attempt: SignInAttempt,
  context: { reference: string; fresh: boolean; marked: Reauthentication | undefined },
): Promise<NextResponse> {
  const { reference, fresh, marked } = context;
  const config = getConfig();
  const secure = config.auth.secureCookies;
  const current = await sessions().read(sessionCookie(request.cookies));
  if (current.status === "unavailable") throw new SessionStoreUnavailableError("read");
  const samePerson =
    current.status === "active" && current.session.patient.sub === signedIn.patient.sub;
  const now = nowSeconds();
  const authenticatedAt = authenticationClock({
    now,
    authTime: signedIn.authTime,
    fresh,
    replacing: samePerson ? current.session.authenticatedAt : undefined,
  });
  if (limitReached(authenticatedAt, now, config.session, now) === "max-age") {
    return authenticateAgain(request, attempt, samePerson ? current.key : undefined, reference);
  }

  const opened = await sessions().open(
    { ...signedIn, ...(attempt.notice ? { notice: attempt.notice } : {}) },
    authenticatedAt,
  );
  log("info", "sign-in", { reference, verificationLevel: signedIn.patient.level });

  if (current.status === "active" && !samePerson) {
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
  // Or a session this browser presented after another log-in had replaced it: that log-in's
  // session never reached this browser (its answer was lost, or a callback finishing at the same
  // time is about to lose the race), and is ended with it.
  const replacing =
    samePerson || (current.status === "ended" && current.reason === "replaced")
      ? current.key
      : attempt.replacing;
  if (replacing) {
    const { orphanEnded } = await sessions().replace(replacing, opened.key);
    if (orphanEnded) log("warn", "orphaned-session-ended", { reference });
  }
  const response = redirect(request, attempt.returnTo);
  setCookie(response, "session", opened.cookie, secure);
  // Only a log-in checked for freshness ends the requirement; the NHS App's is not (0014).
  if (!attempt.fromNhsApp && marked) reauthenticated(response);
  return response;
}

/**
 * NHS login's single sign-on brought back someone who last authenticated longer ago than the
 * absolute limit allows: no session; the sign-in starts again, asking NHS login for a fresh
 * log-in (the same person's session ends past its limit, which says why on the way).
 */
async function authenticateAgain(
  request: NextRequest,
  attempt: SignInAttempt,
  samePersonsSession: string | undefined,
  reference: string,
): Promise<NextResponse> {
  log("info", "authentication-too-old-for-a-session", { reference });
  const response = redirect(
    request,
    `/auth/sign-in?${new URLSearchParams({ returnTo: attempt.returnTo })}`,
  );
  if (samePersonsSession) await sessions().end(samePersonsSession, "max-age");
  else requireReauthentication(response, { since: nowSeconds() });
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
