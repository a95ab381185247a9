/**
 * Whether a page may show a person's contact details, and the record read behind it: the real
 * client against the simulator's API platform, with the session in the real memory store.
 */
import { afterAll, describe, expect, it } from "vitest";
import { API_KEY, apiPlatformForFile } from "../simulator/tests/api-platform-helpers";
import { contactDetailsFor } from "./contact-details";
import type { Patient } from "./nhs-login/claims";
import { createNhsApiClient, type NhsApiClient } from "./nhs-api";
import { apiSession } from "./nhs-api-session";
import { readNhsRecord, type Platform } from "./nhs-record";
import type { ActiveSession } from "./page-access";
import { createSessions } from "./session/sessions";
import { memoryStore, NHS_LOGIN_LIMITS } from "@/test-support/session-stores";

const world = apiPlatformForFile();
const store = memoryStore();
const sessions = createSessions({ store, secrets: "s".repeat(32), limits: NHS_LOGIN_LIMITS });
afterAll(() => store.close());

/** The client, counting the calls it logs (one line per API call, success or failure). */
function platform(): Platform & { calls: () => string[] } {
  const calls: string[] = [];
  const api: NhsApiClient = createNhsApiClient(
    {
      baseUrl: world.issuer,
      timeoutMs: 2_000,
      application: {
        apiKey: API_KEY,
        keyId: world.apiKey.publicJwk.kid!,
        privateKey: world.apiKey.privateKey,
      },
    },
    { log: (_level, event, fields = {}) => calls.push(`${event} ${String(fields.api)}`) },
  );
  return { api, slot: sessions, calls: () => calls };
}

interface Person {
  persona: string;
  /** The session as a page's request reads it: afresh each time, as each request does. */
  page(): Promise<ActiveSession>;
}

/** A person's session as a sign-in opens it, from the simulator's persona. */
async function logIn(template: string): Promise<Person> {
  const persona = await world.control.createPersona(template);
  const demographics = persona.demographics!;
  const level = persona.logsInAt ?? persona.level;
  const patient: Patient = {
    sub: persona.sub,
    level,
    vot: level === "P9" ? "P9.Cp.Cd" : "P5.Cp.Cd",
    highestLevel: persona.level,
    nhsNumber: demographics.nhsNumber,
    givenName: demographics.givenName,
    familyName: demographics.familyName,
    birthdate: demographics.birthdate,
    email: persona.email,
    phoneNumber: persona.phoneNumber,
    ...(demographics.gpOdsCode ? { gpOdsCode: demographics.gpOdsCode } : {}),
    gpOnlineServices: "not-shared",
  };
  const vtr = level === "P9" ? undefined : ["P5.Cp.Cd"];
  const { cookie } = await sessions.open(
    {
      patient,
      idTokenJti: "jti",
      authTime: Math.floor(Date.now() / 1000),
      nhsLogin: { idToken: await world.idTokenFor(persona.id, vtr) },
    },
    Math.floor(Date.now() / 1000),
  );
  return {
    persona: persona.id,
    async page() {
      const state = await sessions.read(cookie);
      if (state.status !== "active") throw new Error("no session");
      return { key: state.key, session: state.session, apiSlot: state.apiSlot };
    },
  };
}

describe("contact details on a page", () => {
  it("are shown to a P9 person once PDS has said their record is not restricted, asked once", async () => {
    const person = await logIn("p9");
    const first = platform();
    expect(await contactDetailsFor(await person.page(), first)).toEqual({ shown: true });
    expect(first.calls()).toEqual(["nhs-api-call pds"]);
    const later = platform();
    expect(await contactDetailsFor(await person.page(), later)).toEqual({ shown: true });
    expect(later.calls(), "the session remembers").toEqual([]);
  });

  it("are never shown to a person whose record is restricted, on any later page either", async () => {
    const person = await logIn("p9-restricted");
    expect(await contactDetailsFor(await person.page(), platform())).toEqual({
      shown: false,
      because: "restricted",
    });
    const later = platform();
    expect(await contactDetailsFor(await person.page(), later)).toEqual({
      shown: false,
      because: "restricted",
    });
    expect(later.calls()).toEqual([]);
  });

  it("are not shown to a P9 person while PDS cannot say, and are once it can", async () => {
    const person = await logIn("p9");
    await world.control.injectFault({ persona: person.persona, fault: "pds_server_error" });
    expect(await contactDetailsFor(await person.page(), platform())).toEqual({
      shown: false,
      because: "unchecked",
    });
    expect(await contactDetailsFor(await person.page(), platform())).toEqual({ shown: true });
  });

  it("are not shown when the ID token has expired, and the person is asked to log in again", async () => {
    const person = await logIn("p9");
    const active = await person.page();
    const expired = {
      ...active,
      session: { ...active.session, nhsLogin: { idToken: "eyJhbGciOiJub25lIn0.eyJleHAiOjF9." } },
    };
    expect(await contactDetailsFor(expired, platform())).toEqual({
      shown: false,
      because: "login-expired",
    });
  });

  it.each(["not-configured", "not-available"] as const)(
    "are shown where there is no API platform (%s), as before the portal could ask",
    async (reason) => {
      const none = { api: createNhsApiClient({ reason }), slot: sessions };
      for (const template of ["p9-restricted", "p9-restricted-at-p5"]) {
        const person = await logIn(template);
        expect(await contactDetailsFor(await person.page(), none)).toEqual({ shown: true });
      }
    },
  );

  it("are shown to a person never verified to P9, where PDS cannot be asked, without calling anything", async () => {
    const person = await logIn("p5");
    const calls = platform();
    expect(await contactDetailsFor(await person.page(), calls)).toEqual({ shown: true });
    expect(calls.calls()).toEqual([]);
  });

  it("are not shown to a person verified to P9 whose log-in is lower, until they confirm it's them", async () => {
    const person = await logIn("p9-restricted-at-p5");
    const active = await person.page();
    expect(active.session.patient).toMatchObject({ level: "P5", highestLevel: "P9" });
    const calls = platform();
    expect(await contactDetailsFor(active, calls)).toEqual({
      shown: false,
      because: "not-confirmed",
    });
    expect(calls.calls(), "PDS answers only a P9 log-in").toEqual([]);
  });

  it("are not shown when PDS has no record to show, and say so", async () => {
    for (const template of ["p9-not-in-pds", "p9-invalidated", "p9-superseded"]) {
      expect(await contactDetailsFor(await (await logIn(template)).page(), platform())).toEqual({
        shown: false,
        because: "no-record",
      });
    }
  });
});

describe("the NHS record read", () => {
  it("gives the page the record's view, and keeps whether it is restricted", async () => {
    const person = await logIn("p9-record-differs");
    const active = await person.page();
    const record = await readNhsRecord(active, "K7QM-2XRD", platform());
    expect(record.ok && record.value).toMatchObject({
      restricted: false,
      nhsNumber: active.session.patient.nhsNumber,
      differences: ["name", "phone"],
    });
    expect(
      await apiSession(sessions, active.key, active.session.nhsLogin.idToken).restricted(),
    ).toBe(false);
  });

  it("passes a failure on as it is, and keeps nothing", async () => {
    const person = await logIn("p9-superseded");
    const active = await person.page();
    const record = await readNhsRecord(active, "K7QM-2XRD", platform());
    expect(record.ok || record.failure.reason).toBe("superseded");
    expect(
      await apiSession(sessions, active.key, active.session.nhsLogin.idToken).restricted(),
    ).toBeUndefined();
  });
});
