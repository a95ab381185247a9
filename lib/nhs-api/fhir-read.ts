/** A FHIR read on the platform: the platform's headers out, its status codes in as values. */
import type { z } from "zod";
import { spineCodes } from "./fhir";
import { parseJson, retryAfterSeconds, send, type PlatformResponse } from "./http";
import { failed, succeeded, type ApiFailure, type ApiResult } from "./result";

export interface ReadRequest {
  url: string;
  /** `Authorization: Bearer` for a user-restricted API. */
  accessToken?: string;
  /** The `apikey` header for an application-restricted API. */
  apiKey?: string;
  /** A UUID for this request alone (`X-Request-ID`). */
  requestId: string;
  /** The portal's log reference, so the platform's logs and ours meet (`X-Correlation-ID`). */
  correlationId: string;
  timeoutMs: number;
}

function failureOf(response: PlatformResponse): ApiFailure {
  const codes = spineCodes(parseJson(response.text));
  const code = codes[0];
  const { status, headers } = response;
  const retryAfter = retryAfterSeconds(headers);
  const wait = retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter };
  if (status === 401 || status === 403)
    return { reason: "refused", status, ...(code ? { code } : {}) };
  if (status === 404) {
    return codes.includes("INVALIDATED_RESOURCE")
      ? { reason: "invalidated" }
      : { reason: "not-found" };
  }
  if (status === 429) return { reason: "rate-limited", ...wait };
  if (status >= 500) return { reason: "server-error", status, ...wait };
  if (status >= 400) return { reason: "invalid-request", status, ...(code ? { code } : {}) };
  return { reason: "bad-response", detail: `answered HTTP ${status}` };
}

export async function fhirRead<T>(
  request: ReadRequest,
  schema: z.ZodType<T>,
): Promise<ApiResult<T>> {
  const sent = await send(
    {
      url: request.url,
      method: "GET",
      headers: {
        accept: "application/fhir+json",
        "x-request-id": request.requestId,
        "x-correlation-id": request.correlationId,
        ...(request.accessToken ? { authorization: `Bearer ${request.accessToken}` } : {}),
        ...(request.apiKey ? { apikey: request.apiKey } : {}),
      },
    },
    request.timeoutMs,
  );
  if (!sent.ok) return sent;
  if (sent.value.status !== 200) return failed(failureOf(sent.value));
  const parsed = schema.safeParse(parseJson(sent.value.text));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return failed({
      reason: "bad-response",
      detail: first ? `${first.path.join(".") || "answer"}: ${first.message}` : "unreadable answer",
    });
  }
  return succeeded(parsed.data);
}
