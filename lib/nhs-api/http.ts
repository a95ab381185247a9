/** One HTTP exchange with the platform, bounded in time, with network trouble as values. */
import { failed, succeeded, type ApiResult } from "./result";

export interface PlatformRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export interface PlatformResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends the request and reads the whole answer within `timeoutMs`; a slow start or a slow body
 * both count as a timeout. A refused, reset or unresolvable connection is "unreachable".
 */
export async function send(
  request: PlatformRequest,
  timeoutMs: number,
): Promise<ApiResult<PlatformResponse>> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: "error",
      cache: "no-store",
      signal,
    });
    const text = await response.text();
    return succeeded({ status: response.status, headers: response.headers, text });
  } catch {
    return failed(signal.aborted ? { reason: "timeout" } : { reason: "unreachable" });
  }
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
