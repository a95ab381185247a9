import { cookies } from "next/headers";
import { cache } from "react";
import { getConfig, type Config } from "../config";
import { cookieName } from "../cookies";
import { memorySessionStore } from "./memory-store";
import { redisClientFor } from "./redis-clients";
import { redisSessionStore } from "./redis-store";
import { createSessions, type Sessions, type SessionState } from "./sessions";
import type { SessionStore } from "./store";
import { tracedSessionStore } from "../telemetry/traced-session-store";

/**
 * One session store per process. Next.js compiles the route gate and the app separately, so a
 * module-level variable would give each its own (and in memory, its own sessions): the store is
 * kept on `globalThis` under a registered symbol instead.
 */
const STORE = Symbol.for("nhs-login-portal.session-store");
type Registry = typeof globalThis & { [STORE]?: SessionStore };

export function sessionStore(config: Config = getConfig()): SessionStore {
  const registry = globalThis as Registry;
  const { sessionStore: where, session } = config;
  registry[STORE] ??= tracedSessionStore(
    where.kind === "redis"
      ? redisSessionStore({
          open: redisClientFor(where.topology, where.timeoutMs),
          limits: session,
          bounds: session,
          timeoutMs: where.timeoutMs,
        })
      : memorySessionStore(session, session),
  );
  return registry[STORE];
}

let cached: Sessions | undefined;

export function sessions(): Sessions {
  const config = getConfig();
  cached ??= createSessions({
    store: sessionStore(config),
    secrets: config.auth.secrets,
    limits: config.session,
  });
  return cached;
}

type CookieJar = { get(name: string): { value: string } | undefined };

/** The session cookie's value on a request. */
export function sessionCookie(jar: CookieJar) {
  return jar.get(cookieName("session", getConfig().auth.secureCookies))?.value;
}

/** The cookie of a log-in as someone else, waiting for the person to confirm the switch. */
export function accountSwitchCookie(jar: CookieJar) {
  return jar.get(cookieName("accountSwitch", getConfig().auth.secureCookies))?.value;
}

/**
 * The session of the request being rendered, with this request recorded as activity. Read once
 * per request however many server components ask (the layout and the page both do).
 */
export const currentSession = cache(async (): Promise<SessionState> => {
  // Reading the cookies first marks the page as rendered per request, before any configuration
  // is needed: a build prerenders nothing that depends on it.
  const jar = await cookies();
  return sessions().read(sessionCookie(jar));
});
