import NextAuth, { type Account } from "next-auth";
import { getConfig, type Config } from "./config";
import { portalCookieOptions } from "./cookies";
import { patientFromClaims, userInfoSchema, type Patient } from "./nhs-login/claims";
import { toRs512SigningKey } from "./nhs-login/client-key";
import { IdTokenError, verifyIdToken, type VerifiedIdToken } from "./nhs-login/id-token";
import { issuerKeys } from "./nhs-login/issuer-keys";
import { getNhsLoginMetadata } from "./nhs-login/metadata";
import { NhsLogin } from "./nhs-login/provider";
import { log, newReference } from "./log";
import {
  encodeSessionCookie,
  nowSeconds,
  sessionCookieName,
  SESSION_COOKIE_GRACE_SECONDS,
  SESSION_COOKIE_PURPOSE,
  type PortalSession,
} from "./session/session";
import { cookieCodec } from "./session/codec";
import { callbackContext } from "./sign-in/context";

/** Cookies are Secure and prefixed whenever the portal is served over https. */
export function usesSecureCookies(config: Config): boolean {
  return config.auth.url?.startsWith("https:") ?? false;
}

let signingKey: Promise<CryptoKey> | undefined;
export function clientSigningKey(): Promise<CryptoKey> {
  signingKey ??= toRs512SigningKey(getConfig().nhsLogin.privateKey);
  return signingKey;
}

/** Why a sign-in was refused, beyond the ID token checks. */
class SignInRefused extends Error {
  constructor(readonly failure: string) {
    super(failure);
  }
}

/** A verified sign-in, handed from the signIn callback to the jwt callback that stores it. */
const verifiedSignIns = new WeakMap<Account, { patient: Patient; verified: VerifiedIdToken }>();

export const { handlers, signIn } = NextAuth(async () => {
  const config = getConfig();
  const { nhsLogin } = config;
  const metadata = await getNhsLoginMetadata(nhsLogin.issuer, nhsLogin.timeoutMs);
  const secure = usesSecureCookies(config);

  return {
    providers: [
      NhsLogin({
        clientId: nhsLogin.clientId,
        signingKey: await clientSigningKey(),
        metadata,
        scopes: nhsLogin.scopes,
        pkce: nhsLogin.pkce,
        timeoutMs: nhsLogin.timeoutMs,
      }),
    ],
    secret: config.auth.secret,
    trustHost: true,
    useSecureCookies: secure,
    session: {
      strategy: "jwt",
      maxAge: config.session.maxAgeSeconds + SESSION_COOKIE_GRACE_SECONDS,
    },
    cookies: {
      sessionToken: { name: sessionCookieName(secure), options: portalCookieOptions(secure) },
    },
    jwt: {
      encode: ({ token }) =>
        encodeSessionCookie(token as unknown as PortalSession, config.auth.secret, config.session),
      decode: ({ token }) =>
        token ? cookieCodec(config.auth.secret, SESSION_COOKIE_PURPOSE).decode(token) : null,
    },
    pages: { signIn: "/", error: "/auth/error" },
    callbacks: {
      async signIn({ account, profile }) {
        const context = callbackContext();
        const reference = context?.reference ?? newReference();
        try {
          const attempt = context?.attempt;
          if (!attempt || attempt.state !== context?.state) {
            throw new SignInRefused("sign-in-not-started-here");
          }
          if (!account?.id_token) throw new SignInRefused("no-id-token");
          const verified = await verifyIdToken(
            account.id_token,
            issuerKeys(metadata.jwks_uri, nhsLogin.timeoutMs),
            {
              issuer: metadata.issuer,
              clientId: nhsLogin.clientId,
              requestedVectors: attempt.vectors,
            },
          );
          const userInfo = userInfoSchema.safeParse(profile);
          if (!userInfo.success) throw new SignInRefused("userinfo-malformed");
          const patient = patientFromClaims(verified.claims, verified.vot, userInfo.data);
          verifiedSignIns.set(account, { patient, verified });
          log("info", "sign-in", { reference, verificationLevel: patient.level });
          return true;
        } catch (error) {
          const failure =
            error instanceof IdTokenError || error instanceof SignInRefused
              ? error.failure
              : error instanceof Error
                ? error.name
                : "unknown";
          log("warn", "sign-in-refused", { reference, failure });
          // Keys that could not be fetched mean NHS login is unreachable, not that it lied.
          const code = failure === "keys-unavailable" ? "unavailable" : "refused";
          return `/auth/error?${new URLSearchParams({ code, ref: reference })}`;
        }
      },
      async jwt({ token, account, trigger }) {
        if (trigger !== "signIn" || !account) return token;
        const signIn = verifiedSignIns.get(account);
        if (!signIn) throw new SignInRefused("unverified-sign-in");
        const now = nowSeconds();
        const session: PortalSession = {
          patient: signIn.patient,
          idTokenJti: signIn.verified.claims.jti,
          authTime: signIn.verified.claims.auth_time ?? now,
          signedInAt: now,
          lastActiveAt: now,
        };
        return session as unknown as typeof token;
      },
    },
    logger: {
      error(error) {
        const cause = (error as { cause?: { err?: unknown } }).cause?.err;
        const type = (error as { type?: unknown }).type;
        const context = callbackContext();
        if (context && isUnavailable(cause)) context.unavailable = true;
        log("error", "nhs-login-callback-failed", {
          reference: context?.reference,
          error: typeof type === "string" ? type : error.name,
          cause: describeCause(cause),
        });
      },
      warn(code) {
        log("warn", "auth-warning", { code });
      },
      debug() {},
    },
  };
});

/**
 * oauth4webapi's errors carry a stable `code`, and NHS login's OAuth `error` when it sent one;
 * class names do not survive the production build's minification. Messages are fixed text.
 */
function describeCause(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  const { code, error } = cause as { code?: unknown; error?: unknown };
  const label = [typeof code === "string" ? code : cause.name, typeof error === "string" && error]
    .filter(Boolean)
    .join(" ");
  return `${label}: ${cause.message}`.slice(0, 200);
}

/** NHS login did not answer, or answered with a server error: worth trying again later. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { status, cause } = error as { status?: unknown; cause?: unknown };
  if (cause instanceof Response && cause.status >= 500) return true;
  return (
    error.name === "TimeoutError" ||
    error.name === "AbortError" ||
    (typeof status === "number" && status >= 500) ||
    /fetch failed|ECONNREFUSED|status code 5\d\d/i.test(error.message)
  );
}
