/** The local API platform's PDS (patient access) and ODS answers, their rules and their faults. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidNhsNumber } from "nhs-login-vocabulary";
import {
  API_KEY,
  apiPlatformForFile,
  exchangeForm,
  platformTokenRequest,
} from "./api-platform-helpers";

const world = apiPlatformForFile();

async function accessTokenFor(personaId: string, vtr?: string[]): Promise<string> {
  const answer = await platformTokenRequest(
    world,
    await exchangeForm(world, await world.idTokenFor(personaId, vtr)),
  );
  if (answer.status !== 200) throw new Error(`exchange failed: ${JSON.stringify(answer.body)}`);
  return String(answer.body.access_token);
}

async function nhsNumberOf(personaId: string): Promise<string> {
  return (await world.control.getPersona(personaId)).demographics!.nhsNumber;
}

async function readPatient(
  nhsNumber: string,
  headers: Record<string, string | undefined>,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(
    `${world.issuer}/personal-demographics/FHIR/R4/Patient/${nhsNumber}`,
    {
      headers: Object.fromEntries(
        Object.entries({ "x-request-id": randomUUID(), ...headers } as Record<
          string,
          string | undefined
        >).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

async function readOwnRecord(personaId: string) {
  return readPatient(await nhsNumberOf(personaId), {
    authorization: `Bearer ${await accessTokenFor(personaId)}`,
  });
}

function spineCode(body: Record<string, unknown>): string | undefined {
  const issue = (
    body.issue as Array<{ details?: { coding?: Array<{ code?: string }> } }> | undefined
  )?.[0];
  return issue?.details?.coding?.[0]?.code;
}

async function readOrganisation(code: string, apiKey: string | null = API_KEY) {
  const response = await fetch(
    `${world.issuer}/organisation-data-terminology-api/fhir/Organization/${code}`,
    {
      headers: apiKey === null ? {} : { apikey: apiKey },
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

describe("PDS patient access", () => {
  it("answers a P9 person's own record, shaped like the PDS sandbox's", async () => {
    const requestId = randomUUID();
    const nhsNumber = await nhsNumberOf("p9");
    const answer = await readPatient(nhsNumber, {
      authorization: `Bearer ${await accessTokenFor("p9")}`,
      "x-request-id": requestId,
      "x-correlation-id": "K7QM-2XRD",
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(answer.headers.get("etag")).toBe('W/"3"');
    expect(answer.headers.get("x-request-id")).toBe(requestId);
    expect(answer.headers.get("x-correlation-id")).toBe("K7QM-2XRD");
    expect(answer.body).toMatchObject({
      resourceType: "Patient",
      id: nhsNumber,
      identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: nhsNumber }],
      meta: { versionId: "3", security: [{ code: "U", display: "unrestricted" }] },
      name: [{ use: "usual", given: ["Nadia"], family: "SIMNINE" }],
      birthDate: "1970-09-09",
      address: [
        { use: "home", period: { start: "2021-04-01" }, postalCode: "LS99 9SM" },
        { use: "home", period: { end: "2021-03-31" } },
      ],
      telecom: [
        { system: "phone", use: "mobile", value: expect.stringMatching(/^07700900\d{3}$/) },
        { system: "email", value: "p9@simulator.example" },
      ],
      generalPractitioner: [
        {
          type: "Organization",
          identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "Y90002" },
        },
      ],
    });
  });

  it("removes a restricted person's address, phone, email and GP, and labels the record", async () => {
    const answer = await readOwnRecord("p9-restricted");
    expect(answer.status).toBe(200);
    expect(answer.body.meta).toMatchObject({ security: [{ code: "R", display: "restricted" }] });
    expect(answer.body).not.toHaveProperty("address");
    expect(answer.body).not.toHaveProperty("telecom");
    expect(answer.body).not.toHaveProperty("generalPractitioner");
    expect(answer.body.name).toMatchObject([{ family: "SIMHIDDEN" }]);
  });

  it("holds another surname and mobile for the person whose record differs", async () => {
    const answer = await readOwnRecord("p9-record-differs");
    expect(answer.body.name).toMatchObject([{ family: "SIMAFTER" }]);
    expect(answer.body.telecom).toContainEqual(
      expect.objectContaining({ system: "phone", value: "07700900999" }),
    );
  });

  it("answers a superseded NHS number with the record under its new number", async () => {
    const old = await nhsNumberOf("p9-superseded");
    const answer = await readOwnRecord("p9-superseded");
    expect(answer.status).toBe(200);
    expect(answer.body.id).not.toBe(old);
    expect(isValidNhsNumber(String(answer.body.id))).toBe(true);
  });

  it.each([
    ["p9-not-in-pds", "RESOURCE_NOT_FOUND"],
    ["p9-invalidated", "INVALIDATED_RESOURCE"],
  ])("answers 404 for %s", async (persona, code) => {
    const answer = await readOwnRecord(persona);
    expect(answer.status).toBe(404);
    expect(answer.body.resourceType).toBe("OperationOutcome");
    expect(spineCode(answer.body)).toBe(code);
  });

  it("keeps a template's record when a fresh persona is copied from it", async () => {
    const person = await world.control.createPersona("p9-restricted");
    expect((await readOwnRecord(person.id)).body.meta).toMatchObject({ security: [{ code: "R" }] });
  });

  it("needs a bearer token the platform issued", async () => {
    const nhsNumber = await nhsNumberOf("p9");
    for (const authorization of [undefined, "Bearer not-a-token", "Basic abc"]) {
      const answer = await readPatient(nhsNumber, { authorization });
      expect(answer.status).toBe(401);
      expect(spineCode(answer.body)).toBe("ACCESS_DENIED");
    }
  });

  it("refuses an expired access token", async () => {
    const answer = await platformTokenRequest(world, {
      ...(await exchangeForm(world, await world.idTokenFor("p9"))),
      _access_token_expiry_ms: "1",
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const read = await readPatient(await nhsNumberOf("p9"), {
      authorization: `Bearer ${answer.body.access_token}`,
    });
    expect(read.status).toBe(401);
    expect((read.body.issue as Array<{ diagnostics: string }>)[0]?.diagnostics).toBe(
      "Access Token expired",
    );
  });

  it("needs an X-Request-ID, and a UUID in it", async () => {
    const authorization = `Bearer ${await accessTokenFor("p9")}`;
    const nhsNumber = await nhsNumberOf("p9");
    const missing = await readPatient(nhsNumber, { authorization, "x-request-id": undefined });
    expect(missing.status).toBe(400);
    expect(spineCode(missing.body)).toBe("MISSING_VALUE");
    const invalid = await readPatient(nhsNumber, { authorization, "x-request-id": "not-a-uuid" });
    expect(invalid.status).toBe(400);
    expect(spineCode(invalid.body)).toBe("INVALID_VALUE");
  });

  it("gives a person only their own record", async () => {
    const answer = await readPatient(await nhsNumberOf("p9-im1"), {
      authorization: `Bearer ${await accessTokenFor("p9")}`,
    });
    expect(answer.status).toBe(403);
    expect(spineCode(answer.body)).toBe("ACCESS_DENIED");
  });

  it("refuses P5 (patient access needs P9)", async () => {
    const answer = await readPatient(await nhsNumberOf("p5"), {
      authorization: `Bearer ${await accessTokenFor("p5", ["P5.Cp.Cd"])}`,
    });
    expect(answer.status).toBe(403);
    expect(answer.body.issue).toMatchObject([
      { details: { coding: [{ display: "Patient cannot perform this action" }] } },
    ]);
  });
});

describe("PDS faults", () => {
  it.each([
    ["pds_unauthorized", 401, "ACCESS_DENIED", null],
    ["pds_rate_limited", 429, "TOO_MANY_REQUESTS", "5"],
    ["pds_server_error", 500, "UNKNOWN_ERROR", null],
    ["pds_unavailable", 503, "SERVICE_UNAVAILABLE", "5"],
  ] as const)("%s spoils the person's next read only", async (fault, status, code, retryAfter) => {
    const person = await world.control.createPersona("p9");
    const token = await accessTokenFor(person.id);
    const nhsNumber = person.demographics!.nhsNumber;
    await world.control.injectFault({ persona: person.id, fault });
    const spoiled = await readPatient(nhsNumber, { authorization: `Bearer ${token}` });
    expect(spoiled.status).toBe(status);
    expect(spineCode(spoiled.body)).toBe(code);
    expect(spoiled.headers.get("retry-after")).toBe(retryAfter);
    expect((await readPatient(nhsNumber, { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it("pds_slow answers late; pds_down closes the connection with no answer", async () => {
    const person = await world.control.createPersona("p9");
    const authorization = `Bearer ${await accessTokenFor(person.id)}`;
    const nhsNumber = person.demographics!.nhsNumber;
    await world.control.injectFault({ persona: person.id, fault: "pds_slow", delayMs: 400 });
    const started = Date.now();
    expect((await readPatient(nhsNumber, { authorization })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await world.control.injectFault({ persona: person.id, fault: "pds_down" });
    await expect(readPatient(nhsNumber, { authorization })).rejects.toThrow(/fetch failed/);
  });
});

describe("ODS", () => {
  it("answers a persona's GP surgery as a FHIR Organization", async () => {
    const answer = await readOrganisation("Y90002");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(answer.body).toMatchObject({
      resourceType: "Organization",
      id: "Y90002",
      identifier: [{ system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "Y90002" }],
      active: true,
      name: expect.stringMatching(/^SIM[A-Z]+ [A-Z ]+$/),
      telecom: [{ system: "phone", value: expect.stringMatching(/^0113 496 0\d{3}$/) }],
      address: [{ city: "LEEDS", country: "ENGLAND", line: [expect.any(String)] }],
    });
  });

  it("answers every persona's surgery, fresh ones too, each under its own code", async () => {
    for (const persona of await world.control.listPersonas()) {
      const code = persona.demographics?.gpOdsCode;
      if (!code || persona.id === "p5-unknown-surgery") continue;
      expect((await readOrganisation(code)).status, persona.id).toBe(200);
    }
    const a = await world.control.createPersona("p5");
    const b = await world.control.createPersona("p5");
    expect(a.demographics!.gpOdsCode).not.toBe(b.demographics!.gpOdsCode);
    expect((await readOrganisation(a.demographics!.gpOdsCode!)).body.id).toBe(
      a.demographics!.gpOdsCode,
    );
  });

  it("marks a closed surgery inactive, with its roles ended", async () => {
    const code = (await world.control.getPersona("p5-closed-surgery")).demographics!.gpOdsCode!;
    const answer = await readOrganisation(code);
    expect(answer.status).toBe(200);
    expect(answer.body.active).toBe(false);
    expect(JSON.stringify(answer.body.extension)).toContain('"end":"2024-03-31"');
  });

  it.each([
    ["the unknown surgery's code", "Y90012"],
    ["a code nobody uses", "Y99999"],
  ])("answers 404 for %s", async (_, code) => {
    const answer = await readOrganisation(code);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [
        {
          code: "processing",
          diagnostics: `HAPI-2001: Resource Organization/${code} is not known`,
        },
      ],
    });
  });

  it("needs a registered API key in the apikey header", async () => {
    expect((await readOrganisation("Y90002", null)).status).toBe(401);
    expect((await readOrganisation("Y90002", "unknown-key")).status).toBe(401);
  });

  it.each([
    ["ods_unauthorized", 401, null],
    ["ods_rate_limited", 429, "5"],
    ["ods_server_error", 500, null],
    ["ods_unavailable", 503, "5"],
  ] as const)(
    "%s spoils the next lookup of the persona's surgery only",
    async (fault, status, retryAfter) => {
      const person = await world.control.createPersona("p5");
      const code = person.demographics!.gpOdsCode!;
      await world.control.injectFault({ persona: person.id, fault });
      expect((await readOrganisation("Y90002")).status).toBe(200);
      const spoiled = await readOrganisation(code);
      expect(spoiled.status).toBe(status);
      expect(spoiled.headers.get("retry-after")).toBe(retryAfter);
      expect((await readOrganisation(code)).status).toBe(200);
    },
  );

  it("ods_slow answers late; ods_down closes the connection", async () => {
    const person = await world.control.createPersona("p5");
    const code = person.demographics!.gpOdsCode!;
    await world.control.injectFault({ persona: person.id, fault: "ods_slow", delayMs: 300 });
    const started = Date.now();
    expect((await readOrganisation(code)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await world.control.injectFault({ persona: person.id, fault: "ods_down" });
    await expect(readOrganisation(code)).rejects.toThrow(/fetch failed/);
  });
});
