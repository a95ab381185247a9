/**
 * What a call to NHS England's API platform can come to. Every failure is a value the page can
 * turn into words; nothing is thrown at it.
 */

export type ApiFailure =
  /** No API platform is configured for this deployment yet. */
  | { reason: "not-configured" }
  /** No API platform serves this environment (NHS_API_ENV=none): nobody's fault. */
  | { reason: "not-available" }
  /** The NHS login ID token has expired, and no platform token can be renewed without it. */
  | { reason: "login-expired" }
  /** The platform or the API refused: the token, the application or the person's access. */
  | { reason: "refused"; status: number; code?: string }
  /** The API has no such record. */
  | { reason: "not-found" }
  /** The record was invalidated (PDS) and not superseded. */
  | { reason: "invalidated" }
  /** The NHS number was superseded: the API holds the person under another one. */
  | { reason: "superseded"; nhsNumber: string }
  | { reason: "rate-limited"; retryAfterSeconds?: number }
  | { reason: "server-error"; status: number; retryAfterSeconds?: number }
  /** The API refused the request itself (a 400): a fault on this side. */
  | { reason: "invalid-request"; status: number; code?: string }
  /** The API answered something that is not what its specification promises. */
  | { reason: "bad-response"; detail: string }
  | { reason: "timeout" }
  | { reason: "unreachable" }
  /** The session's token store or its lock failed. */
  | { reason: "token-store-failed" };

/** Why there is no platform to call: every call of a client without one answers this. */
export type NoPlatform = Extract<ApiFailure, { reason: "not-configured" | "not-available" }>;

export function isNoPlatform(failure: ApiFailure): failure is NoPlatform {
  return failure.reason === "not-configured" || failure.reason === "not-available";
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export function succeeded<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function failed<T = never>(failure: ApiFailure): ApiResult<T> {
  return { ok: false, failure };
}
