import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { scrubAttributes, scrubSpan } from "./scrub";

const JWT = "eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";

function span(overrides: Partial<ReadableSpan>): ReadableSpan {
  const context = { traceId: "a".repeat(32), spanId: "b".repeat(16), traceFlags: 1 };
  return {
    name: "span",
    kind: SpanKind.SERVER,
    spanContext: () => context,
    startTime: [0, 0],
    endTime: [0, 1],
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    links: [],
    events: [],
    duration: [0, 1],
    ended: true,
    resource: {} as ReadableSpan["resource"],
    instrumentationScope: { name: "test" },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  };
}

describe("spans as they leave the server", () => {
  it("lose the query of the callback's URL, in the name and in every attribute", () => {
    const scrubbed = scrubSpan(
      span({
        name: "GET /api/auth/callback/nhs-login?code=abc&state=xyz",
        attributes: {
          "http.target": "/api/auth/callback/nhs-login?code=abc&state=xyz",
          "http.url": "https://auth.login.nhs.uk/authorize?asserted_login_identity=abc",
          "http.route": "/api/auth/[...nextauth]",
          "http.status_code": 303,
        },
      }),
    );
    expect(scrubbed.name).toBe("GET /api/auth/callback/nhs-login?[withheld]");
    expect(scrubbed.attributes).toEqual({
      "http.target": "/api/auth/callback/nhs-login?[withheld]",
      "http.url": "https://auth.login.nhs.uk/authorize?[withheld]",
      "http.route": "/api/auth/[...nextauth]",
      "http.status_code": 303,
    });
  });

  it("withhold attributes named for secrets or the person, but keep the server's host", () => {
    expect(
      scrubAttributes({
        "http.request.header.cookie": "__Host-portal.session=x",
        "http.request.header.authorization": "Bearer x",
        "user.email": "someone",
        "enduser.sub": "x",
        code: "x",
        "server.address": "auth.login.nhs.uk",
        "net.peer.name": "auth.login.nhs.uk",
        "nhs_login.call": "token",
      }),
    ).toEqual({
      "http.request.header.cookie": "[withheld]",
      "http.request.header.authorization": "[withheld]",
      "user.email": "[withheld]",
      "enduser.sub": "[withheld]",
      code: "[withheld]",
      "server.address": "auth.login.nhs.uk",
      "net.peer.name": "auth.login.nhs.uk",
      "nhs_login.call": "token",
    });
  });

  it("scrub exception events and status messages, which quote errors", () => {
    const scrubbed = scrubSpan(
      span({
        status: { code: SpanStatusCode.ERROR, message: `bad token ${JWT}` },
        events: [
          {
            name: "exception",
            time: [0, 0],
            attributes: {
              "exception.message": `userinfo for ann@example.com (943 476 5919) failed: ${JWT}`,
              "exception.type": "TypeError",
            },
          },
        ],
      }),
    );
    expect(scrubbed.status.message).toBe("bad token [withheld]");
    expect(scrubbed.events[0]!.attributes).toEqual({
      "exception.message": "userinfo for [withheld] ([withheld]) failed: [withheld]",
      "exception.type": "TypeError",
    });
  });

  it("keep what identifies the span", () => {
    const original = span({ name: "NHS login token" });
    const scrubbed = scrubSpan(original);
    expect(scrubbed.spanContext()).toEqual(original.spanContext());
    expect(scrubbed.kind).toBe(original.kind);
    expect(scrubbed.startTime).toBe(original.startTime);
  });
});
