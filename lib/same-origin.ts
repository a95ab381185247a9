import type { NextRequest } from "next/server";
import { publicOrigin } from "./public-url";

/**
 * Whether a state-changing request comes from the portal's own pages. Browsers send Origin on
 * every POST and Sec-Fetch-Site where they support it; SameSite=Lax cookies are the second line.
 */
export function isSameOriginRequest(request: NextRequest, publicUrl: string | undefined): boolean {
  const expected = publicOrigin(request, publicUrl);
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== expected) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  return origin !== null || site !== null;
}
