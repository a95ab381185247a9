import { describe, expect, it } from "vitest";
import type { PdsPatient } from "./fhir";
import { nhsRecordView, type NhsLoginDetails } from "./record-view";

const TODAY = "2026-05-20";
const ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

/** A record as PDS answers it (after the sandbox's 9000000009), today's details and old ones. */
function record(overrides: Partial<PdsPatient> = {}): PdsPatient {
  return {
    resourceType: "Patient",
    id: "9990000034",
    identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9990000034" }],
    meta: { versionId: "2", security: [{ code: "U", display: "unrestricted" }] },
    name: [
      {
        use: "usual",
        given: ["Nadia", "Jane"],
        family: "SIMNINE",
        prefix: ["Ms"],
        period: { start: "2010-01-01" },
      },
      {
        use: "old",
        given: ["Nadia"],
        family: "SIMMAIDEN",
        period: { start: "1970-09-09", end: "2009-12-31" },
      },
    ],
    birthDate: "1970-09-09",
    address: [
      {
        use: "home",
        line: ["2 Former Lane"],
        city: "Leeds",
        postalCode: "LS99 1SM",
        period: { start: "2009-01-01", end: "2021-03-31" },
      },
      {
        use: "home",
        line: ["12 Simulation Road", "Testington"],
        city: "Leeds",
        postalCode: "LS99 9SM",
        period: { start: "2021-04-01" },
      },
      {
        use: "temp",
        line: ["Student Halls"],
        postalCode: "LS99 5SM",
        period: { start: "2025-09-01" },
      },
    ],
    telecom: [
      { system: "phone", value: "07700 900002", use: "mobile", period: { start: "2021-04-01" } },
      {
        system: "phone",
        value: "01632 960000",
        use: "home",
        period: { start: "2015", end: "2020" },
      },
      { system: "email", value: "Nadia@Simulator.example", use: "home" },
    ],
    generalPractitioner: [
      {
        type: "Organization",
        identifier: { system: ODS, value: "Y90002", period: { start: "2021-04-01" } },
      },
    ],
    ...overrides,
  };
}

const LOGIN: NhsLoginDetails = {
  nhsNumber: "9990000034",
  givenName: "Nadia",
  familyName: "Simnine",
  birthdate: "1970-09-09",
  email: "nadia@simulator.example",
  phoneNumber: "+447700900002",
  gpOdsCode: "Y90002",
};

describe("the NHS record view", () => {
  it("shows today's name, home address, contacts and GP, and no differences when they agree", () => {
    expect(nhsRecordView(record(), LOGIN, TODAY)).toEqual({
      nhsNumber: "9990000034",
      restricted: false,
      name: { given: ["Nadia", "Jane"], family: "SIMNINE", full: "Nadia Jane SIMNINE" },
      birthDate: "1970-09-09",
      homeAddress: { lines: ["12 Simulation Road", "Testington", "Leeds"], postalCode: "LS99 9SM" },
      phoneNumbers: ["07700 900002"],
      emailAddresses: ["Nadia@Simulator.example"],
      gpOdsCode: "Y90002",
      differences: [],
    });
  });

  it("names each detail NHS login holds differently", () => {
    const login = {
      ...LOGIN,
      familyName: "SIMBEFORE",
      birthdate: "1970-09-10",
      phoneNumber: "+447700900999",
      email: "someone@else.example",
      gpOdsCode: "Y90005",
    };
    expect(nhsRecordView(record(), login, TODAY).differences).toEqual([
      "name",
      "date-of-birth",
      "phone",
      "email",
      "gp-surgery",
    ]);
  });

  it("counts a given name as matching the first given name or all of them", () => {
    expect(
      nhsRecordView(record(), { ...LOGIN, givenName: "Nadia Jane" }, TODAY).differences,
    ).toEqual([]);
    expect(nhsRecordView(record(), { ...LOGIN, givenName: "Jane" }, TODAY).differences).toEqual([
      "name",
    ]);
  });

  it("says nothing differs about details NHS login did not share", () => {
    expect(nhsRecordView(record(), { nhsNumber: "9990000034" }, TODAY).differences).toEqual([]);
  });

  it("notes contact details the record does not hold at all", () => {
    const view = nhsRecordView(record({ telecom: [] }), LOGIN, TODAY);
    expect(view.differences).toEqual(["phone", "email"]);
  });

  it("never shows a restricted person's address, phone, email or GP, even if the record held them", () => {
    const restricted = record({ meta: { security: [{ code: "R", display: "restricted" }] } });
    const view = nhsRecordView(
      restricted,
      { ...LOGIN, gpOdsCode: "Y90005", phoneNumber: "+447700900999" },
      TODAY,
    );
    expect(view).toEqual({
      nhsNumber: "9990000034",
      restricted: true,
      name: { given: ["Nadia", "Jane"], family: "SIMNINE", full: "Nadia Jane SIMNINE" },
      birthDate: "1970-09-09",
      differences: [],
    });
    const text = JSON.stringify(view);
    for (const detail of ["Simulation Road", "LS99", "07700", "Simulator.example", "Y9000"]) {
      expect(text).not.toContain(detail);
    }
  });

  it("treats any security label other than unrestricted as restricted", () => {
    for (const code of ["V", "REDACTED", "something-new"]) {
      expect(
        nhsRecordView(record({ meta: { security: [{ code }] } }), LOGIN, TODAY).restricted,
      ).toBe(true);
    }
    const mixed = record({ meta: { security: [{ code: "U" }, { code: "R" }] } });
    expect(nhsRecordView(mixed, LOGIN, TODAY).restricted).toBe(true);
  });

  it("still compares name and date of birth for a restricted record", () => {
    const restricted = record({ meta: { security: [{ code: "R" }] } });
    expect(nhsRecordView(restricted, { ...LOGIN, familyName: "OTHER" }, TODAY).differences).toEqual(
      ["name"],
    );
  });

  it("leaves out what has ended or not yet begun, at any date precision", () => {
    const view = nhsRecordView(
      record({
        address: [{ use: "home", line: ["Future House"], period: { start: "2027" } }],
        telecom: [{ system: "phone", value: "01632 960001", period: { end: "2026-04" } }],
        generalPractitioner: [
          { identifier: { system: ODS, value: "Y90001", period: { end: "2026-05-19" } } },
        ],
      }),
      LOGIN,
      TODAY,
    );
    expect(view).toMatchObject({ phoneNumbers: [], emailAddresses: [] });
    expect(view).not.toHaveProperty("homeAddress");
    expect(view).not.toHaveProperty("gpOdsCode");
    const thisMonth = nhsRecordView(
      record({ telecom: [{ system: "phone", value: "01632 960001", period: { end: "2026-05" } }] }),
      LOGIN,
      TODAY,
    );
    expect(thisMonth).toMatchObject({ phoneNumbers: ["01632 960001"] });
  });

  it("shows the record's own NHS number", () => {
    expect(nhsRecordView(record({ id: "9990000042" }), LOGIN, TODAY).nhsNumber).toBe("9990000042");
  });
});
