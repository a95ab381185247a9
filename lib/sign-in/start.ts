import { NextResponse, type NextRequest } from "next/server";
import { levelToReach, safeReturnTo } from "../access";
import { signIn, usesSecureCookies } from "../auth";
import { getConfig } from "../config";
import { log, newReference } from "../log";
import { getNhsLoginMetadata } from "../nhs-login/metadata";
import { NHS_LOGIN_PROVIDER_ID } from "../nhs-login/provider";
import { formatVtr, meetsLevel, vectorsForLevel } from "../nhs-login/vectors";
import { currentSession } from "../session/current";
import { encodeSignInAttempt, signInCookieName, SIGN_IN_MAX_AGE_SECONDS } from "./attempt";
import { parseTimeoutReason } from "./timed-out";

/** Set at log-out so that the next log-in in this browser asks NHS login to authenticate again. */
export const REAUTHENTICATE_COOKIE = "portal.reauthenticate";

/**
 * Sends the person to NHS login for the level their destination needs. Server-side, so it works
 * without JavaScript: `vtr` for the destination, `prompt=login` after a log-out on this browser,
 * and the NHS App's asserted login identity with `prompt=none` when it sent one.
 */
export async function startSignIn(request: NextRequest): Promise<Response> {
  const config = getConfig();
  const params = request.nextUrl.searchParams;
  const returnTo = safeReturnTo(params.get("returnTo"), "/profile");
  const level = levelToReach(returnTo);
  const assertedLoginIdentity = params.get("assertedLoginIdentity");
  const timedOut = parseTimeoutReason(params.get("timedOut"));

  const state = await currentSession();
  if (
    !assertedLoginIdentity &&
    state.status === "active" &&
    meetsLevel(state.session.patient.level, level)
  ) {
    return NextResponse.redirect(new URL(returnTo, request.nextUrl.origin), 303);
  }

  const vectors = vectorsForLevel(level, config.nhsLogin.vectors);
  const authorizationParams: Record<string, string> = { vtr: formatVtr(vectors) };
  if (assertedLoginIdentity) {
    authorizationParams.asserted_login_identity = assertedLoginIdentity;
    authorizationParams.prompt = "none";
  } else if (timedOut || request.cookies.has(REAUTHENTICATE_COOKIE)) {
    // NHS login requires a full re-authentication after either time limit, not single sign-on.
    authorizationParams.prompt = "login";
  }

  let location: string;
  try {
    await getNhsLoginMetadata(config.nhsLogin.issuer, config.nhsLogin.timeoutMs);
    location = await signIn(
      NHS_LOGIN_PROVIDER_ID,
      { redirect: false, redirectTo: returnTo },
      authorizationParams,
    );
  } catch (error) {
    const reference = newReference();
    log("error", "nhs-login-unavailable", {
      reference,
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
    const query = new URLSearchParams({ code: "unavailable", ref: reference });
    if (assertedLoginIdentity) query.set("context", "nhs-app");
    return NextResponse.redirect(new URL(`/auth/error?${query}`, request.nextUrl.origin), 303);
  }

  const secure = usesSecureCookies(config);
  const attempt = await encodeSignInAttempt(
    {
      state: new URL(location).searchParams.get("state") ?? "",
      vectors,
      returnTo,
      fromNhsApp: assertedLoginIdentity !== null,
      ...(timedOut ? { timedOut } : {}),
    },
    config.auth.secret,
  );
  const response = NextResponse.redirect(location, 303);
  response.cookies.set(signInCookieName(secure), attempt, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SIGN_IN_MAX_AGE_SECONDS,
  });
  response.cookies.delete(REAUTHENTICATE_COOKIE);
  response.headers.set("cache-control", "no-store");
  return response;
}
