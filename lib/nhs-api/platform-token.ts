/**
 * The platform's access tokens for one person: a token exchange (RFC 8693) of their NHS login
 * ID token, or a refresh with the application's secret.
 */
import { z } from "zod";
import { clientAssertion } from "./client-assertion";
import { parseJson, send, type PlatformResponse, retryAfterSeconds } from "./http";
import { failed, succeeded, type ApiFailure, type ApiResult } from "./result";
import { tokenUrl, type NhsApiSettings, type PlatformApplication } from "./settings";

/** What the session keeps: never in a cookie, only in the server-side session record. */
export interface PlatformToken {
  accessToken: string;
  /** When the access token expires (milliseconds since the epoch). */
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

// The platform sends its numbers as strings ("599").
const seconds = z.coerce.number().int().nonnegative();

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: seconds,
  token_type: z.string().refine((type) => type.toLowerCase() === "bearer", "not a Bearer token"),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: seconds.optional(),
});

const errorAnswer = z.object({ error: z.string(), error_description: z.string().optional() });

/** A refused or failed token request, as a failure the page can explain. */
function tokenFailure(response: PlatformResponse): ApiFailure {
  const code = errorAnswer.safeParse(parseJson(response.text)).data?.error;
  const { status } = response;
  if (status === 401 || status === 403)
    return { reason: "refused", status, ...(code ? { code } : {}) };
  if (status === 429) {
    const retryAfter = retryAfterSeconds(response.headers);
    return {
      reason: "rate-limited",
      ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
    };
  }
  if (status >= 500) return { reason: "server-error", status };
  if (status >= 400) return { reason: "invalid-request", status, ...(code ? { code } : {}) };
  return { reason: "bad-response", detail: `token endpoint answered HTTP ${status}` };
}

async function requestToken(
  settings: NhsApiSettings,
  form: Record<string, string>,
  startedAt: number,
): Promise<ApiResult<PlatformToken>> {
  const sent = await send(
    {
      url: tokenUrl(settings),
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams(form).toString(),
    },
    settings.timeoutMs,
  );
  if (!sent.ok) return sent;
  const response = sent.value;
  if (response.status !== 200) return failed(tokenFailure(response));
  const answer = tokenAnswer.safeParse(parseJson(response.text));
  if (!answer.success) {
    return failed({ reason: "bad-response", detail: "token answer did not match the platform's" });
  }
  const { access_token, expires_in, refresh_token, refresh_token_expires_in } = answer.data;
  // Lifetimes count from when the request was sent, so a slow answer cannot stretch them.
  return succeeded({
    accessToken: access_token,
    expiresAt: startedAt + expires_in * 1000,
    ...(refresh_token && refresh_token_expires_in !== undefined
      ? {
          refreshToken: refresh_token,
          refreshExpiresAt: startedAt + refresh_token_expires_in * 1000,
        }
      : {}),
  });
}

export async function exchangeIdToken(
  settings: NhsApiSettings,
  application: PlatformApplication,
  idToken: string,
): Promise<ApiResult<PlatformToken>> {
  const startedAt = Date.now();
  return requestToken(
    settings,
    {
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      subject_token: idToken,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: await clientAssertion(application, tokenUrl(settings)),
    },
    startedAt,
  );
}

export async function refreshPlatformToken(
  settings: NhsApiSettings,
  application: PlatformApplication & { secret: string },
  refreshToken: string,
): Promise<ApiResult<PlatformToken>> {
  return requestToken(
    settings,
    {
      grant_type: "refresh_token",
      client_id: application.apiKey,
      client_secret: application.secret,
      refresh_token: refreshToken,
    },
    Date.now(),
  );
}
