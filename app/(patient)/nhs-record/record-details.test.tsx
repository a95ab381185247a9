// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { NhsRecordView, RecordDifference } from "@/lib/nhs-api";
import { RecordDetails } from "./record-details";

const OPEN: NhsRecordView = {
  restricted: false,
  nhsNumber: "9990000034",
  name: { given: ["Nadia"], family: "SIMNINE", full: "Nadia SIMNINE" },
  birthDate: "1970-09-09",
  homeAddress: { lines: ["1 Simulation Road", "Leeds"], postalCode: "LS99 9SM" },
  phoneNumbers: ["07700900003"],
  emailAddresses: ["p9@simulator.example"],
  gpOdsCode: "Y90002",
  differences: [],
};

function differencesSaid(differences: RecordDifference[]): string {
  render(<RecordDetails record={{ ...OPEN, differences }} />);
  return screen.getByRole("heading", { name: /different in NHS login/ }).parentElement!
    .textContent!;
}

afterEach(cleanup);

describe("where NHS login's details differ from the NHS record", () => {
  it("sends the person to NHS login's settings only for what they change there", () => {
    const said = differencesSaid(["name", "phone"]);
    expect(said).toContain("NHS login has a different name and phone number from your NHS record.");
    expect(said).toContain("NHS login uses the name in your NHS record the next time you log in.");
    expect(said).toContain(
      "If the phone number you use for NHS login is out of date, you can change it in your NHS login settings.",
    );
    expect(screen.getByRole("button", { name: "Manage your NHS login" })).toBeTruthy();
  });

  it("does not suggest NHS login's settings for a name, which only the GP surgery can change", () => {
    const said = differencesSaid(["name", "date-of-birth"]);
    expect(said).toContain("contact your GP surgery and ask them to update it");
    expect(said).not.toContain("settings");
    expect(screen.queryByRole("button", { name: "Manage your NHS login" })).toBeNull();
  });
});

describe("the record's details", () => {
  it("writes a phone number as the profile does", () => {
    render(<RecordDetails record={OPEN} />);
    expect(screen.getByTestId("record-phone").textContent).toBe("07700 900003");
  });

  it("says a restricted record's contact details are not shown, in the words every page uses", () => {
    render(<RecordDetails record={{ ...OPEN, restricted: true }} />);
    expect(screen.getByTestId("contact-details-hidden").textContent).toBe(
      "Your NHS record has extra protection, so we do not show your address, phone numbers, email address or GP surgery online.",
    );
  });
});
