/**
 * A usable platform access token for one person: the one the session holds while it has time
 * left, otherwise a renewal (refresh when the application has a secret, else a new exchange
 * while the ID token is valid), one renewal at a time however many requests race.
 */
import { decodeJwt } from "jose";
import { exchangeIdToken, refreshPlatformToken, type PlatformToken } from "./platform-token";
import { failed, succeeded, type ApiResult } from "./result";
import type { NhsApiSettings, PlatformApplication } from "./settings";
import type { TokenSession } from "./token-store";

/** A token with less than this left is renewed first: no call can outlive it (calls give up sooner). */
export const RENEW_BEFORE_MS = 60_000;
/** The platform checks the ID token's `exp` against its own clock: leave it some slack. */
const ID_TOKEN_SLACK_MS = 30_000;

function usable(token: PlatformToken | undefined, now: number): token is PlatformToken {
  return token !== undefined && token.expiresAt - now > RENEW_BEFORE_MS;
}

function idTokenExpired(idToken: string, now: number): boolean {
  try {
    const { exp } = decodeJwt(idToken);
    return typeof exp !== "number" || exp * 1000 - now < ID_TOKEN_SLACK_MS;
  } catch {
    return true;
  }
}

async function renew(
  settings: NhsApiSettings,
  application: PlatformApplication,
  session: TokenSession,
  current: PlatformToken | undefined,
): Promise<ApiResult<PlatformToken>> {
  const now = Date.now();
  const { secret } = application;
  if (secret && current?.refreshToken && (current.refreshExpiresAt ?? 0) - now > RENEW_BEFORE_MS) {
    const refreshed = await refreshPlatformToken(
      settings,
      { ...application, secret },
      current.refreshToken,
    );
    // A refused refresh (used, expired or revoked) still leaves the exchange; anything else
    // means the platform is in trouble, and exchanging would only add to it.
    if (refreshed.ok || refreshed.failure.reason !== "refused") return refreshed;
  }
  if (idTokenExpired(session.idToken, now)) return failed({ reason: "login-expired" });
  return exchangeIdToken(settings, application, session.idToken);
}

export async function platformAccessToken(
  settings: NhsApiSettings,
  application: PlatformApplication,
  session: TokenSession,
): Promise<ApiResult<string>> {
  try {
    const held = await session.tokens.read();
    if (usable(held, Date.now())) return succeeded(held.accessToken);
    return await session.exclusive(async () => {
      // Another request may have renewed it while this one waited.
      const current = await session.tokens.read();
      if (usable(current, Date.now())) return succeeded(current.accessToken);
      const renewed = await renew(settings, application, session, current);
      if (!renewed.ok) {
        if (renewed.failure.reason === "refused" || renewed.failure.reason === "login-expired") {
          await session.tokens.clear();
        }
        return renewed;
      }
      await session.tokens.write(renewed.value);
      return succeeded(renewed.value.accessToken);
    });
  } catch {
    return failed({ reason: "token-store-failed" });
  }
}
