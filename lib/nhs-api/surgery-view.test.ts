import { describe, expect, it } from "vitest";
import type { OdsOrganization } from "./fhir";
import { displayCase, surgeryView } from "./surgery-view";

function organisation(overrides: Partial<OdsOrganization> = {}): OdsOrganization {
  return {
    resourceType: "Organization",
    id: "Y90002",
    active: true,
    name: "SIMBRIDGE SURGERY",
    telecom: [
      { system: "url", value: "HTTPS://SIMBRIDGE.EXAMPLE/" },
      { system: "phone", value: "0113 496 0002" },
    ],
    address: [
      {
        line: ["12 SIMBRIDGE ROAD", "ST. JAMES'S"],
        city: "LEEDS",
        postalCode: "ls99 3gp",
        country: "ENGLAND",
      },
    ],
    ...overrides,
  };
}

describe("the GP surgery view", () => {
  it("gives the name, address and phone in everyday capitals, with the code", () => {
    expect(surgeryView(organisation())).toEqual({
      odsCode: "Y90002",
      name: "Simbridge Surgery",
      address: ["12 Simbridge Road", "St. James's", "Leeds", "LS99 3GP"],
      phone: "0113 496 0002",
      open: true,
    });
  });

  it("says when ODS records the surgery as closed", () => {
    expect(surgeryView(organisation({ active: false })).open).toBe(false);
  });

  it("copes with a surgery ODS holds little about", () => {
    expect(surgeryView({ resourceType: "Organization", id: "Y90009" })).toEqual({
      odsCode: "Y90009",
      address: [],
      open: true,
    });
  });

  it.each([
    ["THE SIMFORD MEDICAL CENTRE", "The Simford Medical Centre"],
    ["NHS SIMWORTH HEALTH CENTRE", "NHS Simworth Health Centre"],
    ["SIM-ON-SEA GROUP PRACTICE", "Sim-on-Sea Group Practice"],
    ["CHESTER-LE-STREET", "Chester-le-Street"],
    ["O'NEILL AND PARTNERS", "O'Neill and Partners"],
    ["DR A SIMPSON'S SURGERY", "Dr A Simpson's Surgery"],
    ["UNIT 4 THE PRECINCT", "Unit 4 The Precinct"],
    ["SIMFORD HOUSE OF HEALTH", "Simford House of Health"],
    ["Already Mixed Case", "Already Mixed Case"],
  ])("writes %s as %s", (upper, display) => {
    expect(displayCase(upper)).toBe(display);
  });
});
