import { NextResponse, type NextRequest } from "next/server";
import { levelToReach, safeReturnTo } from "../access";
import { authorizationRequest } from "../auth";
import { getConfig } from "../config";
import { clearCookie } from "../cookies";
import { log, requestReference } from "../log";
import { isNhsApp } from "../nhs-app";
import { formatVtr, meetsLevel, vectorsForLevel } from "nhs-login-vocabulary";
import { publicOrigin, publicUrl } from "../public-url";
import { sessionCookie, sessions } from "../session/current";
import { nowSeconds } from "../session/rules";
import type { SessionState } from "../session/sessions";
import { newState, rememberAttempt, type SignInAttempt } from "./attempts";
import { errorPage, serviceUnavailable } from "./outcomes";
import { reauthenticationRequired, requireReauthentication } from "./reauthentication";

/**
 * Sends the person to NHS login for the level their destination needs (or a higher `level` the
 * destination shows more at). Server-side, so it works without JavaScript: `vtr` for that level;
 * a fresh log-in (`prompt=login`) after a log-out or an ended session in this browser; inside the
 * NHS App, the asserted login identity it sent, with `prompt=none`.
 */
export async function startSignIn(request: NextRequest): Promise<Response> {
  const config = getConfig();
  const secure = config.auth.secureCookies;
  const params = request.nextUrl.searchParams;
  const returnTo = safeReturnTo(params.get("returnTo"), "/profile");
  // Only the NHS App's web view may log a person in with an assertion: anywhere else, a link
  // carrying one would log the browser in as whoever the assertion names (login CSRF).
  const fromNhsApp = isNhsApp(request.headers.get("user-agent"));
  const assertion = fromNhsApp ? params.get("assertedLoginIdentity") : null;
  // The NHS App's person is logged in at whatever level they have: a page above it then shows
  // the portal's own uplift page first, rather than NHS login's identity check unasked.
  const level = assertion ? "P0" : levelToReach(returnTo, params.get("level"));

  const current = await sessions().read(sessionCookie(request.cookies));
  if (current.status === "unavailable") return serviceUnavailable(request, "sign-in-start");
  if (
    current.status === "active" &&
    !assertion &&
    params.get("renew") === null &&
    meetsLevel(current.session.patient.level, level)
  ) {
    return redirect(request, returnTo);
  }

  const now = nowSeconds();
  const ended = current.status === "ended";
  const marked = reauthenticationRequired(request);
  // The NHS App vouches for its own log-in: an assertion replaces a fresh authentication here.
  const fresh = (marked !== undefined || ended) && !assertion;
  const vectors = vectorsForLevel(level, config.nhsLogin.vectors);
  const state = newState();
  const authorization: Record<string, string> = { state, vtr: formatVtr(vectors) };
  if (assertion) {
    authorization.asserted_login_identity = assertion;
    authorization.prompt = "none";
  } else if (fresh) {
    // NHS login does not support max_age, so prompt=login is the only way to ask for it.
    authorization.prompt = "login";
  }

  let nhsLogin;
  try {
    nhsLogin = await authorizationRequest(publicOrigin(request, config.auth.url), authorization);
  } catch (error) {
    const reference = requestReference();
    log("error", "nhs-login-unavailable", {
      reference,
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
    return NextResponse.redirect(
      publicUrl(
        errorPage("unavailable", reference, { returnTo, fromNhsApp }),
        request,
        config.auth.url,
      ),
      303,
    );
  }

  const attempt: SignInAttempt = {
    state,
    vectors,
    returnTo,
    startedAt: now,
    fromNhsApp: assertion !== null,
    checks: nhsLogin.checks,
    ...(fresh ? { authenticatedSince: now } : {}),
    ...(current.status === "active" && !meetsLevel(current.session.patient.level, level)
      ? { upliftFrom: current.session.patient.level }
      : {}),
    ...noticeFor(current),
    ...(ended && current.reason === "replaced" ? { replacing: current.key } : {}),
  };
  const response = NextResponse.redirect(nhsLogin.url, 303);
  rememberAttempt(request, response, attempt, config.auth.secrets, secure);
  if (ended) {
    clearCookie(response, "session", secure);
    if (!marked) requireReauthentication(response, { since: now });
  }
  response.headers.set("cache-control", "no-store");
  return response;
}

/** Why the person has to log in again, when their last session ended by itself or everywhere. */
function noticeFor(current: SessionState): Pick<SignInAttempt, "notice"> {
  if (current.status !== "ended") return {};
  const { reason } = current;
  return reason === "idle" || reason === "max-age" || reason === "everywhere"
    ? { notice: reason }
    : {};
}

function redirect(request: NextRequest, path: string): NextResponse {
  const response = NextResponse.redirect(publicUrl(path, request, getConfig().auth.url), 303);
  response.headers.set("cache-control", "no-store");
  return response;
}
