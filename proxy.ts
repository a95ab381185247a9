import { NextResponse, type NextRequest } from "next/server";
import { decideAccess, isAuthRoute } from "@/lib/access";
import { getConfig, type Config } from "@/lib/config";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";
import { cookieName, setCookie } from "@/lib/cookies";
import { handOverLogOutOutcome, LOG_OUT_OUTCOME_HEADER, LOGGED_OUT_PATH } from "@/lib/log-out";
import { FROM_NHS_APP, INSIDE_NHS_APP_HEADER, isNhsApp } from "@/lib/nhs-app";
import { publicUrl } from "@/lib/public-url";
import { sessionCookie, sessions } from "@/lib/session/current";
import { SERVICE_UNAVAILABLE_PATH } from "@/lib/sign-in/outcomes";

/**
 * The route gate, on every page request. From the session cookie alone (no store lookup: the
 * page does that once, for its own check): no session → NHS login, with the page as the return
 * address; a session below the page's level → the uplift page; a session past its absolute limit
 * → straight back to NHS login. The "service unavailable" page answers with 503 (a gated page
 * sends people there when the session store cannot be reached).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const secure = config.auth.secureCookies;
  const nonce = newNonce();
  const fromNhsApp = request.nextUrl.searchParams.get(FROM_NHS_APP.name) === FROM_NHS_APP.value;
  const keptFromNhsApp = request.cookies.has(cookieName("nhsApp", secure));
  const insideNhsApp = isNhsApp(request.headers.get("user-agent")) || fromNhsApp || keptFromNhsApp;
  const origins = policyOrigins(config);
  const policy = contentSecurityPolicy(nonce, {
    dev: DEV,
    https: secure,
    settingsOrigin: origins.settings,
    ...(insideNhsApp ? { nhsAppScriptOrigin: origins.nhsAppScript } : {}),
  });
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  const headers = new Headers(request.headers);
  headers.delete(LOG_OUT_OUTCOME_HEADER);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  if (insideNhsApp) headers.set(INSIDE_NHS_APP_HEADER, "1");
  else headers.delete(INSIDE_NHS_APP_HEADER);

  const response = gate(request, config, headers, insideNhsApp);
  response.headers.set("content-security-policy", policy);
  // Kept for the rest of the visit, for web views that lose the app's part of the user agent.
  if (fromNhsApp && !keptFromNhsApp) setCookie(response, "nhsApp", "1", secure);
  return response;
}

const DEV = process.env.NODE_ENV === "development";

const ORIGINS = new WeakMap<Config, { settings: string; nhsAppScript: string }>();

/** The origins the policy names, parsed once per configuration rather than on every request. */
function policyOrigins(config: Config) {
  let origins = ORIGINS.get(config);
  if (!origins) {
    origins = {
      settings: new URL(config.nhsLogin.settingsUrl).origin,
      nhsAppScript: new URL(config.nhsApp.scriptUrl).origin,
    };
    ORIGINS.set(config, origins);
  }
  return origins;
}

function gate(
  request: NextRequest,
  config: Config,
  headers: Headers,
  insideNhsApp: boolean,
): NextResponse {
  const { pathname, search, searchParams } = request.nextUrl;

  if (pathname === SERVICE_UNAVAILABLE_PATH) {
    return NextResponse.rewrite(request.nextUrl, { status: 503, request: { headers } });
  }
  if (pathname === LOGGED_OUT_PATH) return handOverLogOutOutcome(request, headers);

  const assertion = searchParams.get("assertedLoginIdentity");
  if (assertion !== null && !isAuthRoute(pathname)) {
    const page = new URL(request.nextUrl);
    page.searchParams.delete("assertedLoginIdentity");
    const returnTo = `${page.pathname}${page.search}`;
    // Only the NHS App's web view logs a person in this way; anywhere else the link is dropped.
    const appUserAgent = isNhsApp(request.headers.get("user-agent"));
    if (request.method !== "GET" || !appUserAgent) return redirect(request, config, returnTo);
    return redirect(
      request,
      config,
      `/auth/sign-in?${new URLSearchParams({ returnTo, assertedLoginIdentity: assertion })}`,
    );
  }

  // From the cookie alone: whether the store can be reached is the page's to find out, within
  // the store's deadline, so that a reconnection or a failover under way is waited for.
  const visitor = sessions().view(sessionCookie(request.cookies));
  const decision = decideAccess(`${pathname}${search}`, visitor, { insideNhsApp });
  if (decision.kind === "redirect") return redirect(request, config, decision.to);
  return NextResponse.next({ request: { headers } });
}

function redirect(request: NextRequest, config: Config, path: string): NextResponse {
  const response = NextResponse.redirect(publicUrl(path, request, config.auth.url), 303);
  response.headers.set("cache-control", "no-store");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|assets/|api/).*)"],
};
