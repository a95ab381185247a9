import type { NextRequest } from "next/server";
import { handlers, usesSecureCookies } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { NHS_LOGIN_PROVIDER_ID } from "@/lib/nhs-login/provider";
import { handleCallback } from "@/lib/sign-in/callback";

const CALLBACK_PATH = `/api/auth/callback/${NHS_LOGIN_PROVIDER_ID}`;

export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname !== CALLBACK_PATH) return handlers.GET(request);
  const config = getConfig();
  return handleCallback(
    request,
    {
      secret: config.auth.secret,
      secureCookies: usesSecureCookies(config),
      authUrl: config.auth.url,
    },
    handlers.GET,
  );
}

export const POST = handlers.POST;
