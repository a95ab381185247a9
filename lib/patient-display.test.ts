import { describe, expect, it } from "vitest";
import type { Patient } from "./nhs-login/claims";
import {
  accountLabel,
  describeLevel,
  displayName,
  formatBirthdate,
  formatPhoneNumber,
} from "./patient-display";

describe("formatPhoneNumber", () => {
  it.each([
    ["+447700900003", "07700 900003"],
    ["+447911123456", "07911 123456"],
    ["07700900982", "07700 900982"],
    ["+441134960000", "0113 496 0000"],
    ["+442079460000", "020 7946 0000"],
  ])("shows the UK number %s as %s", (given, shown) => {
    expect(formatPhoneNumber(given)).toBe(shown);
  });

  it("keeps a number from abroad international, grouped", () => {
    expect(formatPhoneNumber("+33612345678")).toBe("+33 6 12 34 56 78");
  });

  it.each(["", "not a number", "+44 7", "+4477009000031234567"])("shows %j as given", (given) => {
    expect(formatPhoneNumber(given)).toBe(given);
  });
});

describe("formatBirthdate", () => {
  it("writes a date as people say it, whatever the server's time zone", () => {
    expect(formatBirthdate("2018-08-06")).toBe("6 August 2018");
    expect(formatBirthdate("1970-01-01")).toBe("1 January 1970");
  });

  it("shows anything that is not a full date as given", () => {
    expect(formatBirthdate("1970")).toBe("1970");
    expect(formatBirthdate("2018-13-45")).toBe("2018-13-45");
  });
});

describe("displayName", () => {
  const patient: Patient = { sub: "s", level: "P0", vot: "P0.Cp", gpOnlineServices: "not-shared" };

  it("greets a person by name, else by email", () => {
    const shown = { shown: true } as const;
    expect(displayName({ ...patient, givenName: "Jane", familyName: "Smith" }, shown)).toBe(
      "Jane Smith",
    );
    expect(displayName({ ...patient, email: "jane@example.com" }, shown)).toBe("jane@example.com");
    expect(displayName(patient, shown)).toBe("Your account");
  });

  it("never names a person by the email address a page may not show", () => {
    const verifiedBefore = { ...patient, highestLevel: "P9", email: "jane@example.com" } as const;
    for (const contact of [
      { shown: false, because: "not-confirmed" },
      { shown: false, because: "restricted" },
      undefined,
    ] as const) {
      expect(displayName(verifiedBefore, contact)).toBe("Your account");
    }
  });
});

describe("accountLabel", () => {
  const patient: Patient = {
    sub: "s",
    level: "P0",
    vot: "P0.Cp",
    gpOnlineServices: "not-shared",
    email: "jane@example.com",
  };

  it("names the person, or says what the link is for without their long email", () => {
    expect(accountLabel({ ...patient, givenName: "Jane", familyName: "Smith" })).toBe("Jane Smith");
    expect(accountLabel(patient)).toBe("Your profile");
  });
});

describe("describeLevel", () => {
  it("describes each level in plain words, never by its code", () => {
    for (const level of ["P0", "P5", "P9"] as const) {
      expect(describeLevel(level)).not.toMatch(/P\d/);
    }
  });
});
