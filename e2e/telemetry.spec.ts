import { expect, test } from "@playwright/test";
import { E2E } from "./support/environment";
import { logIn, newPersonDetails } from "./support/nhs-login";
import { startOtlpReceiver } from "./support/otlp-receiver";
import { startOwnPortal } from "./support/own-portal";

/**
 * An instance with OTEL_EXPORTER_OTLP_ENDPOINT set sends its traces to a small OTLP receiver:
 * a sign-in shows up as traces of its requests, with a span for each call to NHS login, each
 * carrying its request's reference; and nothing sent holds a token, a code or anything about
 * the person.
 */
test("a sign-in's traces arrive, with references, and carry no token, code or personal detail", async ({
  page,
}) => {
  const receiver = await startOtlpReceiver(E2E.otlpReceiver);
  const portal = await startOwnPortal(E2E.telemetryPortal, {
    OTEL_EXPORTER_OTLP_ENDPOINT: E2E.otlpReceiver,
    OTEL_BSP_SCHEDULE_DELAY: "200",
  });
  try {
    const person = await newPersonDetails("p9");
    const callback = page.waitForRequest(/\/api\/auth\/callback\/nhs-login\?code=/);
    await logIn(page, person.id, `${portal.origin}/profile`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
    const returned = new URL((await callback).url()).searchParams;

    const expected = [
      "GET /auth/sign-in",
      "GET /api/auth/callback/nhs-login",
      "GET /profile",
      "NHS login discovery",
      "NHS login token",
      "NHS login keys",
      "NHS login userinfo",
      "session store create",
      "session store touch",
    ];
    await expect
      .poll(() => receiver.spans().map((span) => span.name), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(expected));
    const spans = receiver.spans();

    // The sign-in and the callback are requests traced by route, their queries withheld.
    const targets = spans.map((span) => span.attributes["http.target"]);
    expect(targets).toContain("/auth/sign-in?[withheld]");
    expect(targets).toContain("/api/auth/callback/nhs-login?[withheld]");

    // Each call to NHS login and to the session store is a span of the request that made it,
    // sharing its reference.
    const calls = spans.filter((span) => /^(NHS login|session store) /.test(span.name));
    for (const span of calls) {
      expect(span.attributes["portal.reference"], span.name).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      if (span.name.startsWith("NHS login")) {
        expect(span.attributes["server.address"], span.name).toBe("localhost");
      }
      const root = spans.find((other) => other.traceId === span.traceId && !other.parentSpanId);
      expect(root?.attributes["portal.reference"], `${span.name}'s request`).toBe(
        span.attributes["portal.reference"],
      );
    }

    const sent = receiver.text();
    const demographics = person.demographics!;
    for (const detail of [
      person.sub,
      person.email,
      person.phoneNumber,
      demographics.nhsNumber,
      demographics.givenName,
      demographics.familyName,
      demographics.birthdate,
      returned.get("code")!,
      returned.get("state")!,
    ]) {
      expect(sent, "a detail from this log-in").not.toContain(detail);
    }
    expect(sent, "a JSON Web Token").not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
  } finally {
    await portal.stop();
    await receiver.close();
  }
});
