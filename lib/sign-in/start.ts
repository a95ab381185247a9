import { NextResponse, type NextRequest } from "next/server";
import { levelToReach, safeReturnTo } from "../access";
import { signIn, usesSecureCookies } from "../auth";
import { getConfig } from "../config";
import { portalCookieName, portalCookieOptions } from "../cookies";
import { log, newReference } from "../log";
import { getNhsLoginMetadata } from "../nhs-login/metadata";
import { publicUrl } from "../public-url";
import { NHS_LOGIN_PROVIDER_ID } from "../nhs-login/provider";
import { formatVtr, meetsLevel, vectorsForLevel } from "nhs-login-vocabulary";
import { currentSession } from "../session/current";
import { encodeSignInAttempt, signInCookieName, SIGN_IN_MAX_AGE_SECONDS } from "./attempt";
import { parseTimeoutReason } from "./timed-out";

/** Set at log-out so that the next log-in in this browser asks NHS login to authenticate again. */
export function reauthenticateCookieName(secure: boolean): string {
  return portalCookieName("portal.reauthenticate", secure);
}

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
  const secure = usesSecureCookies(config);
  const reauthenticate = reauthenticateCookieName(secure);

  const state = await currentSession();
  if (
    !assertedLoginIdentity &&
    state.status === "active" &&
    meetsLevel(state.session.patient.level, level)
  ) {
    return NextResponse.redirect(publicUrl(returnTo, request, config.auth.url), 303);
  }

  const vectors = vectorsForLevel(level, config.nhsLogin.vectors);
  const authorizationParams: Record<string, string> = { vtr: formatVtr(vectors) };
  if (assertedLoginIdentity) {
    authorizationParams.asserted_login_identity = assertedLoginIdentity;
    authorizationParams.prompt = "none";
  } else if (timedOut || request.cookies.has(reauthenticate)) {
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
    return NextResponse.redirect(publicUrl(`/auth/error?${query}`, request, config.auth.url), 303);
  }

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
  response.cookies.set(
    signInCookieName(secure),
    attempt,
    portalCookieOptions(secure, SIGN_IN_MAX_AGE_SECONDS),
  );
  // A __Host- cookie can only be removed by a Secure Set-Cookie, which cookies.delete() is not.
  if (request.cookies.has(reauthenticate)) {
    response.cookies.set(reauthenticate, "", portalCookieOptions(secure, 0));
  }
  response.headers.set("cache-control", "no-store");
  return response;
}
