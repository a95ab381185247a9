/**
 * A whole NHS login sign-in without a browser: the portal's /auth/sign-in, the simulator's
 * authorize, log-in and consent pages, and the portal's callback (which fetches the token and
 * userinfo and writes the session). Plain fetch with manual redirects and a cookie jar per origin.
 */
import { performance } from "node:perf_hooks";

export const SESSION_COOKIE = "portal.session";

interface Cookie {
  value: string;
  path: string;
}

interface Page {
  url: URL;
  status: number;
  elapsedMs: number;
  location?: URL;
  body: string;
}

/** Just enough of a browser: cookies by origin and path, and time spent per origin. */
class Visitor {
  readonly #jars = new Map<string, Map<string, Cookie>>();
  readonly timeByOrigin = new Map<string, number>();

  cookie(origin: string, name: string): string | undefined {
    return this.#jars.get(origin)?.get(name)?.value;
  }

  async send(method: "GET" | "POST", url: URL, form?: Record<string, string>): Promise<Page> {
    const jar = this.#jars.get(url.origin) ?? new Map<string, Cookie>();
    this.#jars.set(url.origin, jar);
    const cookie = [...jar]
      .filter(([, { path }]) => url.pathname.startsWith(path))
      .map(([name, { value }]) => `${name}=${value}`)
      .join("; ");
    const headers: Record<string, string> = { accept: "text/html" };
    if (cookie) headers.cookie = cookie;
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";

    const started = performance.now();
    const response = await fetch(url, {
      method,
      headers,
      redirect: "manual",
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const body = await response.text();
    const elapsed = performance.now() - started;
    this.timeByOrigin.set(url.origin, (this.timeByOrigin.get(url.origin) ?? 0) + elapsed);

    for (const header of response.headers.getSetCookie()) storeCookie(jar, header);
    const location = response.headers.get("location");
    return {
      url,
      status: response.status,
      elapsedMs: elapsed,
      body,
      ...(location ? { location: new URL(location, url) } : {}),
    };
  }

  /** Follows redirects until a page, or until the next hop would leave for `stopAt`. */
  async follow(page: Page, stopAt: string): Promise<Page> {
    let current = page;
    for (let hops = 0; current.location && current.location.origin !== stopAt; hops++) {
      if (hops > 10) throw new Error(`too many redirects from ${page.url.pathname}`);
      current = await this.send("GET", current.location);
    }
    return current;
  }
}

function storeCookie(jar: Map<string, Cookie>, header: string): void {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  const equals = pair.indexOf("=");
  const name = pair.slice(0, equals);
  const value = pair.slice(equals + 1);
  const attribute = (key: string) =>
    attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
  const expires = attribute("expires");
  const removed =
    value === "" ||
    attribute("max-age") === "0" ||
    (expires !== undefined && Date.parse(expires) <= Date.now());
  if (removed) jar.delete(name);
  else jar.set(name, { value, path: attribute("path") ?? "/" });
}

function formAction(page: Page): URL {
  const action = /<form[^>]*\baction="([^"]+)"/.exec(page.body)?.[1];
  if (page.status !== 200 || !action) {
    throw new Error(`expected a form at ${page.url.pathname}, got ${page.status}`);
  }
  return new URL(action.replaceAll("&amp;", "&"), page.url);
}

function expectRedirect(page: Page, origin: string, pathname: string): URL {
  if (page.status < 300 || page.status > 399 || !page.location) {
    throw new Error(`expected a redirect from ${page.url.pathname}, got ${page.status}`);
  }
  if (page.location.origin !== origin || page.location.pathname !== pathname) {
    throw new Error(
      `${page.url.pathname} redirected to ${page.location.pathname}${page.location.search}, not ${pathname}`,
    );
  }
  return page.location;
}

export interface SignIn {
  /** `portal.session=…`, ready for a Cookie header. */
  cookie: string;
  sessionValue: string;
  /** The whole sign-in, as a person without a browser's rendering would wait for it. */
  totalMs: number;
  /** Time in the portal's two requests: /auth/sign-in and the callback (token, userinfo, session). */
  portalMs: number;
  portalStartMs: number;
  portalCallbackMs: number;
  /** Time in the simulator's authorize, log-in and consent requests. */
  simulatorMs: number;
}

export async function signIn(portal: string, persona: string): Promise<SignIn> {
  const portalOrigin = new URL(portal).origin;
  const visitor = new Visitor();
  const started = performance.now();

  const start = await visitor.send("GET", new URL("/auth/sign-in?returnTo=/profile", portal));
  if (!start.location || start.location.pathname !== "/authorize") {
    throw new Error(`/auth/sign-in did not redirect to NHS login's authorize (${start.status})`);
  }
  const simulatorOrigin = start.location.origin;

  const login = await visitor.follow(start, portalOrigin);
  const afterLogin = await visitor.send("POST", formAction(login), { persona });
  const consent = await visitor.follow(afterLogin, portalOrigin);
  const afterConsent = await visitor.send("POST", formAction(consent), { decision: "agree" });
  const backToPortal = await visitor.follow(afterConsent, portalOrigin);
  const callback = expectRedirect(backToPortal, portalOrigin, "/api/auth/callback/nhs-login");
  if (!callback.searchParams.has("code")) {
    throw new Error(`NHS login returned no code: ${callback.searchParams.get("error")}`);
  }
  const signedIn = await visitor.send("GET", callback);
  expectRedirect(signedIn, portalOrigin, "/profile");
  const totalMs = performance.now() - started;

  const sessionValue = visitor.cookie(portalOrigin, SESSION_COOKIE);
  if (!sessionValue) throw new Error("the callback set no session cookie");
  return {
    cookie: `${SESSION_COOKIE}=${sessionValue}`,
    sessionValue,
    totalMs,
    portalMs: visitor.timeByOrigin.get(portalOrigin) ?? 0,
    portalStartMs: start.elapsedMs,
    portalCallbackMs: signedIn.elapsedMs,
    simulatorMs: visitor.timeByOrigin.get(simulatorOrigin) ?? 0,
  };
}

export interface SignInRun {
  concurrency: number;
  seconds: number;
  completed: number;
  failed: number;
  firstError?: string;
  perSecond: number;
  samples: SignIn[];
}

/** Sign-ins back to back on `concurrency` lanes for a fixed time. */
export async function runSignIns(options: {
  portal: string;
  persona: string;
  concurrency: number;
  seconds: number;
}): Promise<SignInRun> {
  const samples: SignIn[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const lane = async () => {
    while (performance.now() < deadline) {
      try {
        samples.push(await signIn(options.portal, options.persona));
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    concurrency: options.concurrency,
    seconds: elapsedSeconds,
    completed: samples.length,
    failed,
    ...(firstError ? { firstError } : {}),
    perSecond: samples.length / elapsedSeconds,
    samples,
  };
}
