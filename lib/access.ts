import { isLevel, meetsLevel, type Level } from "nhs-login-vocabulary";
import type { EndReason } from "./session/rules";

/** Who may open a page: anyone, or a person logged in with NHS login at least at a level. */
export type Access = "public" | Level;

/**
 * The one table of which pages need which verification level. proxy.ts consults it on every
 * request and each gated page again on the server. A page at a level is one line here; the
 * entry covers the path and everything below it.
 */
const GATED_ROUTES: ReadonlyArray<readonly [path: string, level: Level]> = [
  ["/profile", "P0"],
  ["/gp-practice", "P5"],
  ["/gp-online-services", "P9"],
  ["/nhs-record", "P9"],
];

/**
 * A request path in the form the table uses: percent-decoded, lower case, no duplicate or
 * trailing slashes, no dot segments. Anything undecodable is kept as is and stays public, which
 * is safe because Next.js cannot route it to a gated page either.
 */
export function normalisePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
  const segments: string[] = [];
  for (const segment of path.toLowerCase().split(/[/\\]+/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

/** The path of an address on the portal, without its query or fragment (still encoded). */
export function pathOf(address: string): string {
  return address.split(/[?#]/, 1)[0]!;
}

/** Who may open the page at an address (its query and fragment play no part). */
export function accessFor(address: string): Access {
  const path = normalisePath(pathOf(address));
  for (const [prefix, level] of GATED_ROUTES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return level;
  }
  return "public";
}

/**
 * The level a sign-in must prove to reach a page; a public page needs any NHS login. `asked` is a
 * higher level the page shows more at (an NHS record's contact details need P9 on a P5 page); it
 * can raise the level, never lower it, and anything that is not a level is ignored.
 */
export function levelToReach(address: string, asked?: unknown): Level {
  const access = accessFor(address);
  const level = access === "public" ? "P0" : access;
  return isLevel(asked) && !meetsLevel(level, asked) ? asked : level;
}

const NOT_A_DESTINATION = /^\/(api|auth|_next)(\/|$)/i;

/** The portal's own log-in machinery, which is never a page to return to or to gate. */
export function isAuthRoute(pathname: string): boolean {
  return NOT_A_DESTINATION.test(normalisePath(pathname));
}

/**
 * A return address after log-in or uplift: a path on this site, never another origin
 * (`//evil`, `/\evil`, `https://evil`, `javascript:`…), never an auth route. Anything else is
 * the fallback. What is checked is the address returned, after parsing, not the one given:
 * dot segments (`/.//evil`, `/%2e//evil`) can turn a harmless-looking path into `//evil`, and
 * parsing percent-encodes what it must, so the length is checked again afterwards.
 */
export function safeReturnTo(value: string | null | undefined, fallback = "/"): string {
  if (
    !value ||
    value.length > MAX_RETURN_ADDRESS ||
    !value.startsWith("/") ||
    /[\\\u0000-\u001f]/.test(value)
  ) {
    return fallback;
  }
  const base = "https://portal.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    url.origin !== base ||
    !/^\/(?![/\\])/.test(path) ||
    path.length > MAX_RETURN_ADDRESS ||
    isAuthRoute(url.pathname)
  ) {
    return fallback;
  }
  return path;
}

/** Longer return addresses fall back: each sign-in attempt carries one in a cookie. */
const MAX_RETURN_ADDRESS = 512;

/** What is known about the person making a request: from the cookie alone, or from the store. */
export type Visitor =
  | { status: "none" }
  | { status: "active"; level: Level }
  | { status: "ended"; reason: EndReason }
  /** The session store could not be asked. */
  | { status: "unavailable" };

export type AccessDecision =
  { kind: "allow" } | { kind: "redirect"; to: string } | { kind: "unavailable" };

/**
 * The one decision "may this request see this page". The route gate asks it with what the
 * session cookie says, each gated page again with the session from the store; they differ only
 * in how they redirect. `page` is the path and query asked for, which becomes the return address.
 */
export function decideAccess(
  page: string,
  visitor: Visitor,
  context: { insideNhsApp: boolean },
): AccessDecision {
  const access = accessFor(page);
  if (access === "public") return { kind: "allow" };
  const returnTo = safeReturnTo(page, pathOf(page));
  const to = (route: string, query: Record<string, string> = {}) => ({
    kind: "redirect" as const,
    to: `${route}?${new URLSearchParams({ ...query, returnTo })}`,
  });
  switch (visitor.status) {
    case "unavailable":
      return { kind: "unavailable" };
    case "none":
      return to("/auth/sign-in");
    case "ended":
      // The NHS App keeps its own session: inside it, say why rather than leave for NHS login.
      if (context.insideNhsApp && (visitor.reason === "idle" || visitor.reason === "max-age")) {
        return to("/auth/timed-out", { reason: visitor.reason });
      }
      return to("/auth/sign-in");
    case "active":
      return meetsLevel(visitor.level, access) ? { kind: "allow" } : to("/auth/uplift");
  }
}
