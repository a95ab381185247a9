/** The API client against the simulator's real API platform: exchange, renewal, PDS, ODS, faults. */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_KEY,
  API_SECRET,
  apiPlatformForFile,
  KEYLESS_API_KEY,
  P9_ONLY_API_KEY,
  platformTokenRequest,
} from "../../simulator/tests/api-platform-helpers";
import { createNhsApiClient, type Logger } from "./client";
import type { PlatformToken } from "./platform-token";
import type { NhsApiSettings, PlatformApplication } from "./settings";
import { memoryExclusive, memoryTokenStore, type TokenSession } from "./token-store";

const world = apiPlatformForFile();
const REFERENCE = "K7QM-2XRD";

type Line = { level: string; event: string; fields: Record<string, unknown> };

function application(overrides: Partial<PlatformApplication> = {}): PlatformApplication {
  return {
    apiKey: API_KEY,
    keyId: world.apiKey.publicJwk.kid!,
    privateKey: world.apiKey.privateKey,
    secret: API_SECRET,
    ...overrides,
  };
}

function client(overrides: Partial<NhsApiSettings> = {}, app: Partial<PlatformApplication> = {}) {
  const lines: Line[] = [];
  const log: Logger = (level, event, fields = {}) => lines.push({ level, event, fields });
  const settings: NhsApiSettings = {
    baseUrl: world.issuer,
    timeoutMs: 2_000,
    application: application(app),
    ...overrides,
  };
  return { api: createNhsApiClient(settings, { log }), lines, settings };
}

/** A session whose store counts renewals (each renewal writes once). */
function session(idToken: string): TokenSession & { writes: () => number } {
  const store = memoryTokenStore();
  let writes = 0;
  return {
    idToken,
    exclusive: memoryExclusive(),
    tokens: {
      read: store.read,
      clear: store.clear,
      write: async (token) => {
        writes += 1;
        await store.write(token);
      },
    },
    writes: () => writes,
  };
}

async function person(template = "p9", vtr?: string[]) {
  const persona = await world.control.createPersona(template);
  return {
    persona,
    nhsNumber: persona.demographics!.nhsNumber,
    session: session(await world.idTokenFor(persona.id, vtr)),
  };
}

function refresh(refreshToken: string) {
  return platformTokenRequest(world, {
    grant_type: "refresh_token",
    client_id: API_KEY,
    client_secret: API_SECRET,
    refresh_token: refreshToken,
  });
}

describe("reading a person's PDS record", () => {
  it("exchanges the ID token, reads the record, and reuses the token after", async () => {
    const { api } = client();
    const { nhsNumber, session: s } = await person();
    const first = await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    expect(first).toMatchObject({ ok: true, value: { resourceType: "Patient", id: nhsNumber } });
    const held = await s.tokens.read();
    expect(held).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect(held!.expiresAt - Date.now()).toBeGreaterThan(590_000);
    expect((await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).ok).toBe(true);
    expect(s.writes()).toBe(1);
  });

  it("exchanges once however many requests race for the same person", async () => {
    const { api } = client();
    const { nhsNumber, session: s } = await person();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.readPatient({ session: s, nhsNumber, reference: REFERENCE }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(s.writes()).toBe(1);
  });

  it("renews a spent token by refresh when the application has a secret", async () => {
    const { api } = client();
    const { nhsNumber, session: s } = await person();
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    const first = (await s.tokens.read())!;
    await s.tokens.write({ ...first, expiresAt: Date.now() - 1 });
    expect((await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).ok).toBe(true);
    const renewed = (await s.tokens.read())!;
    expect(renewed.accessToken).not.toBe(first.accessToken);
    // The refresh token was used up: the renewal was a refresh, not a new exchange.
    expect((await refresh(first.refreshToken!)).status).toBe(401);
  });

  it("renews by a new exchange when the application has no secret", async () => {
    const { api } = client({}, { secret: undefined });
    const { nhsNumber, session: s } = await person();
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    const first = (await s.tokens.read())!;
    await s.tokens.write({ ...first, expiresAt: Date.now() - 1 });
    expect((await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).ok).toBe(true);
    expect((await s.tokens.read())!.accessToken).not.toBe(first.accessToken);
    expect((await refresh(first.refreshToken!)).status).toBe(200);
  });

  it("exchanges again when the refresh token is refused", async () => {
    const { api } = client();
    const { nhsNumber, session: s } = await person();
    const spent: PlatformToken = {
      accessToken: "spent",
      expiresAt: Date.now() - 1,
      refreshToken: "not-a-refresh-token",
      refreshExpiresAt: Date.now() + 3_000_000,
    };
    await s.tokens.write(spent);
    expect((await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).ok).toBe(true);
    expect((await s.tokens.read())!.accessToken).not.toBe("spent");
  });

  it("says the log-in has expired when only the expired ID token is left, without calling anyone", async () => {
    const { api, lines } = client();
    const persona = await world.control.createPersona("p9");
    await world.control.injectFault({ persona: persona.id, fault: "id_token_expired" });
    const s = session(await world.idTokenFor(persona.id));
    const result = await api.readPatient({
      session: s,
      nhsNumber: persona.demographics!.nhsNumber,
      reference: REFERENCE,
    });
    expect(result).toEqual({ ok: false, failure: { reason: "login-expired" } });
    expect(lines.map((line) => line.event)).toEqual(["nhs-api-failed"]);
    expect(lines[0]!.fields).toMatchObject({ api: "token", reason: "login-expired" });
  });
});

describe("token exchange refusals, as values", () => {
  it.each([
    ["a kid the platform does not know", {}, { keyId: "not-registered" }, 401, "invalid_request"],
    ["an API key nobody registered", {}, { apiKey: "unknown-application" }, 401, "invalid_request"],
    ["an application with no public key", {}, { apiKey: KEYLESS_API_KEY }, 403, "public_key error"],
  ])("refused for %s", async (_, settings, app, status, code) => {
    const { api } = client(settings, app);
    const { nhsNumber, session: s } = await person();
    const result = await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    expect(result).toEqual({ ok: false, failure: { reason: "refused", status, code } });
    expect(await s.tokens.read()).toBeUndefined();
  });

  it("refused for a P5 person when the application has P9 scopes only", async () => {
    const { api } = client({}, { apiKey: P9_ONLY_API_KEY });
    const { nhsNumber, session: s } = await person("p5", ["P5.Cp.Cd"]);
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "refused", status: 401, code: "unauthorized_client" },
    });
  });

  it.each([
    ["api_token_refused", { reason: "refused", status: 401, code: "unauthorized_client" }],
    ["api_token_server_error", { reason: "server-error", status: 500 }],
  ] as const)("%s comes back as a failure, then the next request works", async (fault, failure) => {
    const { api } = client();
    const { persona, nhsNumber, session: s } = await person();
    await world.control.injectFault({ persona: persona.id, fault });
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure,
    });
    expect((await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).ok).toBe(true);
  });

  it("gives up on a slow token endpoint after the timeout", async () => {
    const { api } = client({ timeoutMs: 300 });
    const { persona, nhsNumber, session: s } = await person();
    await world.control.injectFault({
      persona: persona.id,
      fault: "api_token_slow",
      delayMs: 3_000,
    });
    const started = Date.now();
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "timeout" },
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe("PDS outcomes", () => {
  it("reads a restricted record, labelled restricted and with nothing to say where the person is", async () => {
    const { api } = client();
    const { nhsNumber, session: s } = await person("p9-restricted");
    const result = await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    expect(result.ok && result.value.meta.security).toEqual([
      expect.objectContaining({ code: "R" }),
    ]);
    expect(
      result.ok && [result.value.address, result.value.telecom, result.value.generalPractitioner],
    ).toEqual([undefined, undefined, undefined]);
  });

  it("reports a superseded NHS number with the one that replaced it", async () => {
    const { api } = client();
    const { nhsNumber, session: s } = await person("p9-superseded");
    const result = await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    expect(result).toEqual({
      ok: false,
      failure: { reason: "superseded", nhsNumber: expect.stringMatching(/^\d{10}$/) },
    });
    expect(
      !result.ok && result.failure.reason === "superseded" && result.failure.nhsNumber,
    ).not.toBe(nhsNumber);
  });

  it.each([
    ["p9-not-in-pds", "not-found"],
    ["p9-invalidated", "invalidated"],
  ])("reports %s as %s", async (template, reason) => {
    const { api } = client();
    const { nhsNumber, session: s } = await person(template);
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason },
    });
  });

  it("is refused another person's record, and a P5 person's own", async () => {
    const { api } = client();
    const { session: s } = await person();
    const other = (await world.control.getPersona("p9-im1")).demographics!.nhsNumber;
    expect(await api.readPatient({ session: s, nhsNumber: other, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "refused", status: 403, code: "ACCESS_DENIED" },
    });
    const p5 = await person("p5", ["P5.Cp.Cd"]);
    expect(
      await api.readPatient({ session: p5.session, nhsNumber: p5.nhsNumber, reference: REFERENCE }),
    ).toEqual({
      ok: false,
      failure: { reason: "refused", status: 403, code: "ACCESS_DENIED" },
    });
  });

  it("does not ask for an NHS number that fails its check digit", async () => {
    const { api, lines } = client();
    const { session: s } = await person();
    expect(
      await api.readPatient({ session: s, nhsNumber: "9990000019", reference: REFERENCE }),
    ).toMatchObject({
      ok: false,
      failure: { reason: "invalid-request" },
    });
    expect(lines.some((line) => line.event === "nhs-api-call")).toBe(false);
  });
});

describe("PDS faults", () => {
  it.each([
    ["pds_unauthorized", { reason: "refused", status: 401, code: "ACCESS_DENIED" }],
    ["pds_rate_limited", { reason: "rate-limited", retryAfterSeconds: 5 }],
    ["pds_server_error", { reason: "server-error", status: 500 }],
    ["pds_unavailable", { reason: "server-error", status: 503, retryAfterSeconds: 5 }],
    ["pds_down", { reason: "unreachable" }],
  ] as const)("%s comes back as a failure, then the next request works", async (fault, failure) => {
    const { api } = client();
    const { persona, nhsNumber, session: s } = await person();
    await world.control.injectFault({ persona: persona.id, fault });
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure,
    });
    expect((await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).ok).toBe(true);
  });

  it("drops a token the API refused, so the next request exchanges afresh", async () => {
    const { api } = client();
    const { persona, nhsNumber, session: s } = await person();
    await world.control.injectFault({ persona: persona.id, fault: "pds_unauthorized" });
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    expect(await s.tokens.read()).toBeUndefined();
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    expect(s.writes()).toBe(2);
  });

  it("gives up on a slow PDS after the timeout", async () => {
    const { api } = client({ timeoutMs: 300 });
    const { persona, nhsNumber, session: s } = await person();
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    await world.control.injectFault({ persona: persona.id, fault: "pds_slow", delayMs: 3_000 });
    const started = Date.now();
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "timeout" },
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports a platform nobody answers at as unreachable, and no platform as not configured", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { api } = client({ baseUrl: `http://127.0.0.1:${port}` });
    const { nhsNumber, session: s } = await person();
    expect(await api.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "unreachable" },
    });
    const none = createNhsApiClient({ reason: "not-configured" }, { log: () => undefined });
    expect(await none.readPatient({ session: s, nhsNumber, reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "not-configured" },
    });
    expect(await none.readOrganization({ odsCode: "Y90002", reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "not-configured" },
    });
  });
});

describe("ODS", () => {
  it("reads a GP surgery with the application's API key", async () => {
    const { api } = client();
    const result = await api.readOrganization({ odsCode: "Y90002", reference: REFERENCE });
    expect(result).toMatchObject({
      ok: true,
      value: { resourceType: "Organization", id: "Y90002", active: true, name: expect.any(String) },
    });
  });

  it("reads a closed surgery as inactive, and an unknown code as not found", async () => {
    const { api } = client();
    const closed = (await world.control.getPersona("p5-closed-surgery")).demographics!.gpOdsCode!;
    expect(await api.readOrganization({ odsCode: closed, reference: REFERENCE })).toMatchObject({
      ok: true,
      value: { active: false },
    });
    expect(await api.readOrganization({ odsCode: "Y99999", reference: REFERENCE })).toEqual({
      ok: false,
      failure: { reason: "not-found" },
    });
  });

  it("does not send a code that is not an ODS code", async () => {
    const { api, lines } = client();
    expect(
      await api.readOrganization({ odsCode: "../Patient/9990000034", reference: REFERENCE }),
    ).toMatchObject({
      ok: false,
      failure: { reason: "invalid-request" },
    });
    expect(lines.some((line) => line.event === "nhs-api-call")).toBe(false);
  });

  it("is refused without a registered API key", async () => {
    const { api } = client({}, { apiKey: "unknown-application" });
    expect(await api.readOrganization({ odsCode: "Y90002", reference: REFERENCE })).toMatchObject({
      ok: false,
      failure: { reason: "refused", status: 401 },
    });
  });

  it.each([
    ["ods_unauthorized", { reason: "refused", status: 401 }],
    ["ods_rate_limited", { reason: "rate-limited", retryAfterSeconds: 5 }],
    ["ods_server_error", { reason: "server-error", status: 500 }],
    ["ods_unavailable", { reason: "server-error", status: 503, retryAfterSeconds: 5 }],
    ["ods_down", { reason: "unreachable" }],
  ] as const)("%s comes back as a failure", async (fault, failure) => {
    const { api } = client();
    const persona = await world.control.createPersona("p5");
    const odsCode = persona.demographics!.gpOdsCode!;
    await world.control.injectFault({ persona: persona.id, fault });
    expect(await api.readOrganization({ odsCode, reference: REFERENCE })).toMatchObject({
      ok: false,
      failure,
    });
    expect((await api.readOrganization({ odsCode, reference: REFERENCE })).ok).toBe(true);
  });

  it("gives up on a slow ODS after the timeout", async () => {
    const { api } = client({ timeoutMs: 300 });
    const persona = await world.control.createPersona("p5");
    await world.control.injectFault({ persona: persona.id, fault: "ods_slow", delayMs: 3_000 });
    expect(
      await api.readOrganization({
        odsCode: persona.demographics!.gpOdsCode!,
        reference: REFERENCE,
      }),
    ).toEqual({ ok: false, failure: { reason: "timeout" } });
  });
});

describe("what the client sends, and what it makes of a broken answer", () => {
  // The real platform never answers like this, so a small server stands in for a broken one.
  let server: Server;
  let base: string;
  const seen: IncomingHttpHeaders[] = [];
  let answer: (respond: (status: number, body: string, stall?: boolean) => void) => void;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      answer((status, body, stall) => {
        response.writeHead(status, { "content-type": "application/fhir+json" });
        if (stall) response.write(body.slice(0, 10));
        else response.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const sandbox = () => client({ baseUrl: base, timeoutMs: 300, application: undefined });
  const record = (extra: object) =>
    JSON.stringify({ resourceType: "Patient", id: "9990000034", ...extra });

  it("sends a fresh X-Request-ID per call and the log reference as X-Correlation-ID", async () => {
    answer = (respond) => respond(200, record({ meta: { security: [{ code: "U" }] } }));
    const { api } = sandbox();
    const s = session("unused");
    await api.readPatient({ session: s, nhsNumber: "9990000034", reference: REFERENCE });
    await api.readPatient({ session: s, nhsNumber: "9990000034", reference: REFERENCE });
    const [a, b] = seen.slice(-2);
    expect(a!["x-request-id"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a!["x-request-id"]).not.toBe(b!["x-request-id"]);
    expect(a!["x-correlation-id"]).toBe(REFERENCE);
    expect(a!.authorization).toBeUndefined();
  });

  it.each([
    ["a record without a security label", record({})],
    [
      "a record that is not a Patient",
      JSON.stringify({ resourceType: "Bundle", id: "9990000034" }),
    ],
    ["an answer that is not JSON", "<html>gateway</html>"],
  ])("refuses %s as a bad response", async (_, body) => {
    answer = (respond) => respond(200, body);
    const { api } = sandbox();
    expect(
      await api.readPatient({
        session: session("unused"),
        nhsNumber: "9990000034",
        reference: REFERENCE,
      }),
    ).toMatchObject({ ok: false, failure: { reason: "bad-response" } });
  });

  it("counts a body that stops half way as a timeout", async () => {
    answer = (respond) => respond(200, record({ meta: { security: [{ code: "U" }] } }), true);
    const { api } = sandbox();
    expect(
      await api.readPatient({
        session: session("unused"),
        nhsNumber: "9990000034",
        reference: REFERENCE,
      }),
    ).toEqual({ ok: false, failure: { reason: "timeout" } });
  });
});

describe("logs", () => {
  it("trace every call and failure by reference, with no token, NHS number or name", async () => {
    const { api, lines } = client();
    const { persona, nhsNumber, session: s } = await person();
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    await world.control.injectFault({ persona: persona.id, fault: "pds_server_error" });
    await api.readPatient({ session: s, nhsNumber, reference: REFERENCE });
    await api.readOrganization({ odsCode: persona.demographics!.gpOdsCode!, reference: REFERENCE });

    expect(lines.map((line) => [line.level, line.event, line.fields.api])).toEqual([
      ["info", "nhs-api-call", "pds"],
      ["error", "nhs-api-failed", "pds"],
      ["info", "nhs-api-call", "ods"],
    ]);
    for (const line of lines) {
      expect(line.fields).toMatchObject({ reference: REFERENCE, requestId: expect.any(String) });
    }
    const text = JSON.stringify(lines);
    const token = (await s.tokens.read())!;
    for (const secret of [
      nhsNumber,
      s.idToken,
      token.accessToken,
      token.refreshToken!,
      persona.demographics!.familyName,
      persona.email,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
