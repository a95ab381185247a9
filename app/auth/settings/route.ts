import { NextResponse, type NextRequest } from "next/server";
import { clientSigningKey } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { createAssertedLoginIdentity } from "@/lib/nhs-login/asserted-login-identity";
import { publicUrl } from "@/lib/public-url";
import { isSameOriginRequest } from "@/lib/same-origin";
import { sessionCookie, sessions } from "@/lib/session/current";

/**
 * "Manage your NHS login": opens the NHS login settings site already logged in, with a fresh
 * single-use asserted_login_identity made at the moment of the click. A POST from the portal's
 * own page, so no other site can have the browser fetch an assertion.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const { nhsLogin, auth } = getConfig();
  if (!isSameOriginRequest(request, auth.url)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  const state = await sessions().read(sessionCookie(request.cookies));
  if (state.status !== "active") {
    return NextResponse.redirect(
      publicUrl("/auth/sign-in?returnTo=/profile", request, auth.url),
      303,
    );
  }
  const token = await createAssertedLoginIdentity({
    clientId: nhsLogin.clientId,
    signingKey: await clientSigningKey(),
    idTokenJti: state.session.idTokenJti,
  });
  const target = new URL(nhsLogin.settingsUrl);
  target.searchParams.set("asserted_login_identity", token);
  const response = NextResponse.redirect(target, 303);
  response.headers.set("cache-control", "no-store");
  return response;
}
