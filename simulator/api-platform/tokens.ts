/**
 * The API platform's own tokens: opaque strings (as the platform's are), each standing for a
 * grant made by a token exchange, and the client assertion `jti`s already used. In memory only.
 */
import { randomInt } from "node:crypto";

/** The platform's access tokens last 10 minutes; it reports 599 seconds. A caller may ask for less. */
export const MAX_ACCESS_TOKEN_MS = 600_000;
/** NHS login refresh tokens on the platform last an hour (it reports 3599 seconds). */
export const MAX_REFRESH_TOKEN_MS = 3_600_000;

const FORGET_AFTER_MS = 3_600_000;

/** What a token exchange granted: to which application, which scopes, for whom. */
export interface PlatformGrant {
  apiKey: string;
  scopes: string[];
  /** From the NHS login ID token that was exchanged. */
  sub: string;
  nhsNumber?: string;
  vot?: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  refreshExpiresInSeconds: number;
  refreshCount: number;
}

interface Held extends PlatformGrant {
  expiresAt: number;
}

interface HeldRefresh extends Held {
  refreshCount: number;
  accessTokenMs: number;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function opaqueToken(): string {
  return Array.from({ length: 28 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("");
}

/** "599" for ten minutes: the platform reports a second less than the lifetime. */
function reportedSeconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000) - 1);
}

export type RefreshOutcome =
  | { status: "valid"; grant: PlatformGrant; refreshCount: number; accessTokenMs: number }
  | { status: "invalid" }
  | { status: "expired" };

export class PlatformTokenStore {
  readonly #access = new Map<string, Held>();
  readonly #refresh = new Map<string, HeldRefresh>();

  issue(
    grant: PlatformGrant,
    lifetimes: { accessTokenMs: number; refreshTokenMs: number; refreshCount: number },
    now = Date.now(),
  ): IssuedTokens {
    this.#sweep(now);
    const accessToken = opaqueToken();
    const refreshToken = opaqueToken();
    this.#access.set(accessToken, { ...grant, expiresAt: now + lifetimes.accessTokenMs });
    this.#refresh.set(refreshToken, {
      ...grant,
      expiresAt: now + lifetimes.refreshTokenMs,
      refreshCount: lifetimes.refreshCount,
      accessTokenMs: lifetimes.accessTokenMs,
    });
    return {
      accessToken,
      refreshToken,
      expiresInSeconds: reportedSeconds(lifetimes.accessTokenMs),
      refreshExpiresInSeconds: reportedSeconds(lifetimes.refreshTokenMs),
      refreshCount: lifetimes.refreshCount,
    };
  }

  /** The grant behind an access token, or why it cannot be used. */
  access(token: string, now = Date.now()): { grant: PlatformGrant } | { expired: boolean } {
    const held = this.#access.get(token);
    if (!held) return { expired: false };
    if (held.expiresAt <= now) return { expired: true };
    return { grant: held };
  }

  /**
   * Uses up a refresh token (each works once: the refresh hands out a new one) for the
   * application that holds it.
   */
  useRefreshToken(token: string, apiKey: string, now = Date.now()): RefreshOutcome {
    const held = this.#refresh.get(token);
    if (!held || held.apiKey !== apiKey) return { status: "invalid" };
    this.#refresh.delete(token);
    if (held.expiresAt <= now) return { status: "expired" };
    const grant: PlatformGrant = {
      apiKey: held.apiKey,
      scopes: held.scopes,
      sub: held.sub,
      ...(held.nhsNumber ? { nhsNumber: held.nhsNumber } : {}),
      ...(held.vot ? { vot: held.vot } : {}),
    };
    return {
      status: "valid",
      grant,
      refreshCount: held.refreshCount,
      accessTokenMs: held.accessTokenMs,
    };
  }

  /** Forgets tokens an hour after they expire; until then they are refused as expired. */
  #sweep(now: number): void {
    const forgetBefore = now - FORGET_AFTER_MS;
    for (const [token, held] of this.#access) {
      if (held.expiresAt < forgetBefore) this.#access.delete(token);
    }
    for (const [token, held] of this.#refresh) {
      if (held.expiresAt < forgetBefore) this.#refresh.delete(token);
    }
  }
}

/** Client assertion `jti`s, kept until their assertion expires: a second use is refused. */
export class UsedAssertionIds {
  readonly #used = new Map<string, number>();

  isUsed(jti: string): boolean {
    return this.#used.has(jti);
  }

  remember(
    jti: string,
    expiresAtSeconds: number,
    nowSeconds = Math.floor(Date.now() / 1000),
  ): void {
    for (const [seen, exp] of this.#used) if (exp < nowSeconds) this.#used.delete(seen);
    this.#used.set(jti, expiresAtSeconds);
  }
}
