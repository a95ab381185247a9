import { NextResponse, type NextRequest } from "next/server";
import { accessFor, isAuthRoute } from "@/lib/access";
import { usesSecureCookies } from "@/lib/auth";
import { getConfig, type Config } from "@/lib/config";
import { portalCookieOptions } from "@/lib/cookies";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";
import { publicUrl } from "@/lib/public-url";
import { isNhsApp } from "@/lib/nhs-app";
import { meetsLevel } from "nhs-login-vocabulary";
import {
  encodeSessionCookie,
  needsActivityUpdate,
  nowSeconds,
  readSessionCookie,
  sessionCookieName,
  type PortalSession,
} from "@/lib/session/session";
import {
  parseTimeoutReason,
  TIMED_OUT_NOTICE_HEADER,
  timedOutNoticeCookieName,
} from "@/lib/sign-in/timed-out";

/**
 * The route gate. Runs on every page request: no session → NHS login, with the page as the
 * return address; a session below the page's level → the uplift page; a timed-out session →
 * straight back to NHS login to authenticate again (inside the NHS App, which keeps its own
 * session, the timed-out page). It redirects only; each gated page checks its level again.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const secure = usesSecureCookies(config);
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: DEV, https: secure });
  const response = await gate(request, config, secure, () => {
    // Next.js reads the policy from the request to put the nonce on its own scripts.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    headers.set("x-nonce", nonce);
    return withTimedOutNotice(request, headers, secure);
  });
  response.headers.set("content-security-policy", policy);
  if (secure)
    response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

const DEV = process.env.NODE_ENV === "development";

async function gate(
  request: NextRequest,
  config: Config,
  secure: boolean,
  next: () => NextResponse,
): Promise<NextResponse> {
  const { pathname, search, searchParams } = request.nextUrl;

  const access = accessFor(pathname);
  const assertedLoginIdentity = searchParams.get("assertedLoginIdentity");
  if (assertedLoginIdentity !== null && request.method === "GET" && !isAuthRoute(pathname)) {
    return startNhsAppSignIn(request, config, assertedLoginIdentity);
  }

  const cookieName = sessionCookieName(secure);
  const cookie = request.cookies.get(cookieName)?.value;
  if (access === "public" && cookie === undefined) return next();

  const state = await readSessionCookie(cookie, config.auth.secret, config.session);
  const returnTo = `${pathname}${search}`;

  if (state.status === "timed-out") {
    const response =
      access === "public"
        ? next()
        : isNhsApp(request.headers.get("user-agent"))
          ? redirectTo(request, config, "/auth/timed-out", { reason: state.reason, returnTo })
          : redirectTo(request, config, "/auth/sign-in", { returnTo, timedOut: state.reason });
    response.cookies.set(cookieName, "", portalCookieOptions(secure, 0));
    return response;
  }
  if (access !== "public") {
    if (state.status === "none") return redirectTo(request, config, "/auth/sign-in", { returnTo });
    if (!meetsLevel(state.session.patient.level, access)) {
      return redirectTo(request, config, "/auth/uplift", { returnTo });
    }
  }
  const response = next();
  if (state.status === "active" && needsActivityUpdate(state.session, config.session)) {
    await recordActivity(response, state.session, config, cookieName, secure);
  }
  return response;
}

/**
 * Lets the page through, carrying the one-time "why you logged in again" notice from its cookie
 * (which is then removed). A notice header sent by the browser itself is dropped.
 */
function withTimedOutNotice(request: NextRequest, headers: Headers, secure: boolean): NextResponse {
  const cookieName = timedOutNoticeCookieName(secure);
  const reason = parseTimeoutReason(request.cookies.get(cookieName)?.value);
  headers.delete(TIMED_OUT_NOTICE_HEADER);
  if (reason) headers.set(TIMED_OUT_NOTICE_HEADER, reason);
  const response = NextResponse.next({ request: { headers } });
  if (request.cookies.has(cookieName)) {
    response.cookies.set(cookieName, "", portalCookieOptions(secure, 0));
  }
  return response;
}

async function recordActivity(
  response: NextResponse,
  session: PortalSession,
  config: Config,
  cookieName: string,
  secure: boolean,
): Promise<void> {
  const updated = { ...session, lastActiveAt: nowSeconds() };
  response.cookies.set(
    cookieName,
    await encodeSessionCookie(updated, config.auth.secret, config.session),
    portalCookieOptions(secure),
  );
}

/** The NHS App opens a page with ?assertedLoginIdentity=…: log the person in silently, then show it. */
function startNhsAppSignIn(
  request: NextRequest,
  config: Config,
  assertedLoginIdentity: string,
): NextResponse {
  const page = new URL(request.nextUrl);
  page.searchParams.delete("assertedLoginIdentity");
  return redirectTo(request, config, "/auth/sign-in", {
    returnTo: `${page.pathname}${page.search}`,
    assertedLoginIdentity,
  });
}

function redirectTo(
  request: NextRequest,
  config: Config,
  path: string,
  query: Record<string, string>,
): NextResponse {
  const url = publicUrl(path, request, config.auth.url);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = NextResponse.redirect(url, 303);
  response.headers.set("cache-control", "no-store");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|assets/|favicon.ico|api/auth/).*)"],
};
