import { NextResponse, type NextRequest } from "next/server";
import { usesSecureCookies } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { isSameOriginRequest } from "@/lib/same-origin";
import { sessionCookieName } from "@/lib/session/session";
import { REAUTHENTICATE_COOKIE } from "@/lib/sign-in/start";

const TWELVE_HOURS = 12 * 60 * 60;

/** Log-out ends the portal's session only: NHS login has no log-out for partners. */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const secure = usesSecureCookies(config);
  const response = NextResponse.redirect(new URL("/auth/logged-out", request.nextUrl.origin), 303);
  response.cookies.set(sessionCookieName(secure), "", { path: "/", maxAge: 0, secure });
  response.cookies.set(REAUTHENTICATE_COOKIE, "1", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: TWELVE_HOURS,
  });
  return response;
}
