import { inSpan, SpanKind } from "../telemetry/spans";

/** The requests the portal makes to NHS login, as named in traces. */
export type NhsLoginCall = "discovery" | "keys" | "token" | "userinfo";

/**
 * Sends a request to NHS login in a span of its own, a child of the request that needed it:
 * which call, the host, the status. Never the URL's query, the body or the headers, which carry
 * codes, client assertions and tokens.
 */
export function fetchFromNhsLogin(
  call: NhsLoginCall,
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const attributes = {
    "nhs_login.call": call,
    "http.request.method": init?.method ?? (input instanceof Request ? input.method : "GET"),
    "server.address": url.hostname,
    "server.port": Number(url.port) || (url.protocol === "https:" ? 443 : 80),
  };
  return inSpan(`NHS login ${call}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    const response = await fetch(input, init);
    span.setAttribute("http.response.status_code", response.status);
    return response;
  });
}
