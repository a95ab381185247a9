import { NextResponse, type NextRequest } from "next/server";
import { usesSecureCookies } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { portalCookieOptions } from "@/lib/cookies";
import { publicUrl } from "@/lib/public-url";
import { isSameOriginRequest } from "@/lib/same-origin";
import { sessionCookieName } from "@/lib/session/session";
import { reauthenticateCookieName } from "@/lib/sign-in/start";

const TWELVE_HOURS = 12 * 60 * 60;

/** Log-out ends the portal's session only: NHS login has no log-out for partners. */
export async function POST(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!isSameOriginRequest(request, config.auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const secure = usesSecureCookies(config);
  const response = NextResponse.redirect(
    publicUrl("/auth/logged-out", request, config.auth.url),
    303,
  );
  response.cookies.set(sessionCookieName(secure), "", portalCookieOptions(secure, 0));
  response.cookies.set(
    reauthenticateCookieName(secure),
    "1",
    portalCookieOptions(secure, TWELVE_HOURS),
  );
  return response;
}
