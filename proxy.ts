import { NextResponse, type NextRequest } from "next/server";
import { decideAccess, isAuthRoute, type Visitor } from "@/lib/access";
import { getConfig, type Config } from "@/lib/config";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";
import { log, requestReference } from "@/lib/log";
import { handOverLogOutOutcome, LOG_OUT_OUTCOME_HEADER, LOGGED_OUT_PATH } from "@/lib/log-out";
import { isNhsApp } from "@/lib/nhs-app";
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
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    dev: DEV,
    https: config.auth.secureCookies,
    settingsOrigin: new URL(config.nhsLogin.settingsUrl).origin,
  });
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  const headers = new Headers(request.headers);
  headers.delete(LOG_OUT_OUTCOME_HEADER);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);

  const response = gate(request, config, headers);
  response.headers.set("content-security-policy", policy);
  return response;
}

const DEV = process.env.NODE_ENV === "development";

function gate(request: NextRequest, config: Config, headers: Headers): NextResponse {
  const { pathname, search, searchParams } = request.nextUrl;
  const insideNhsApp = isNhsApp(request.headers.get("user-agent"));

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
    if (request.method !== "GET" || !insideNhsApp) return redirect(request, config, returnTo);
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
