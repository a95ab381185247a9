import { cookies } from "next/headers";
import { usesSecureCookies } from "../auth";
import { getConfig } from "../config";
import { readSessionCookie, sessionCookieName, type SessionState } from "./session";

/** The session of the request being rendered, checked against NHS login's time limits. */
export async function currentSession(): Promise<SessionState> {
  const config = getConfig();
  const jar = await cookies();
  const value = jar.get(sessionCookieName(usesSecureCookies(config)))?.value;
  return readSessionCookie(value, config.auth.secret, config.session);
}
