import { NextResponse, type NextRequest } from "next/server";
import { decideAccess, isAuthRoute, type Visitor } from "@/lib/access";
import { getConfig, type Config } from "@/lib/config";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";
import { cookieName, setCookie } from "@/lib/cookies";
import { log, requestReference } from "@/lib/log";
import { FROM_NHS_APP, INSIDE_NHS_APP_HEADER, isNhsApp } from "@/lib/nhs-app";
import { publicUrl } from "@/lib/public-url";
import { sessionCookie, sessions, sessionStore } from "@/lib/session/current";
import { SERVICE_UNAVAILABLE_PATH } from "@/lib/sign-in/outcomes";

/**
 * The route gate, on every page request. From the session cookie alone (no store lookup: the
 * page does that once, for its own check): no session → NHS login, with the page as the return
 * address; a session below the page's level → the uplift page; a session past its absolute limit
 * → straight back to NHS login. When the session store is out of reach, gated pages answer the
 * "service unavailable" page with 503 while public pages are still served.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const secure = config.auth.secureCookies;
  const nonce = newNonce();
  const fromNhsApp = request.nextUrl.searchParams.get(FROM_NHS_APP.name) === FROM_NHS_APP.value;
  const keptFromNhsApp = request.cookies.has(cookieName("nhsApp", secure));
  const insideNhsApp = isNhsApp(request.headers.get("user-agent")) || fromNhsApp || keptFromNhsApp;
  const policy = contentSecurityPolicy(nonce, {
    dev: DEV,
    https: secure,
    settingsOrigin: new URL(config.nhsLogin.settingsUrl).origin,
    ...(insideNhsApp ? { nhsAppScriptOrigin: new URL(config.nhsApp.scriptUrl).origin } : {}),
  });
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  const headers = new Headers(request.headers);
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

  const decision = decideAccess(`${pathname}${search}`, visitor(request), { insideNhsApp });
  switch (decision.kind) {
    case "allow":
      return NextResponse.next({ request: { headers } });
    case "redirect":
      return redirect(request, config, decision.to);
    case "unavailable": {
      const reference = requestReference();
      log("error", "session-store-unavailable", { reference, during: "route-gate" });
      const page = new URL(`${SERVICE_UNAVAILABLE_PATH}?ref=${reference}`, request.nextUrl);
      return NextResponse.rewrite(page, { status: 503, request: { headers } });
    }
  }
}

/** What the session cookie says, and whether the store could be asked about it. */
function visitor(request: NextRequest): Visitor {
  const view = sessions().view(sessionCookie(request.cookies));
  if (view.status === "active" && !sessionStore().isAvailable()) return { status: "unavailable" };
  return view;
}

function redirect(request: NextRequest, config: Config, path: string): NextResponse {
  const response = NextResponse.redirect(publicUrl(path, request, config.auth.url), 303);
  response.headers.set("cache-control", "no-store");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|assets/|api/).*)"],
};
