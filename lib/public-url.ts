import type { NextRequest } from "next/server";

/**
 * The portal's origin as people reach it. Behind a load balancer that terminates TLS, requests
 * reach the portal over plain http, so the request's own origin would send people to http.
 * AUTH_URL is the public address; without it (local development) the request's origin is.
 */
export function publicOrigin(request: NextRequest, authUrl: string | undefined): string {
  return authUrl ? new URL(authUrl).origin : request.nextUrl.origin;
}

/** An address on the portal, for redirects. */
export function publicUrl(path: string, request: NextRequest, authUrl: string | undefined): URL {
  return new URL(path, publicOrigin(request, authUrl));
}
