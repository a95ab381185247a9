import { cookies } from "next/headers";
import { cache } from "react";
import { usesSecureCookies } from "../auth";
import { getConfig } from "../config";
import { readSessionCookie, sessionCookieName, type SessionState } from "./session";

/**
 * The session of the request being rendered, checked against NHS login's time limits. Read once
 * per request however many server components ask (the layout and the page both do).
 */
export const currentSession = cache(async (): Promise<SessionState> => {
  const config = getConfig();
  const jar = await cookies();
  const value = jar.get(sessionCookieName(usesSecureCookies(config)))?.value;
  return readSessionCookie(value, config.auth.secret, config.session);
});
