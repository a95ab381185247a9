import { describe, expect, it } from "vitest";
import { accessFor } from "./access";
import {
  findPatientPage,
  PATIENT_PAGES,
  patientPage,
  purposeOf,
  purposeSentence,
} from "./patient-pages";

describe("the portal's pages for a logged-in person", () => {
  it("takes each page's level from lib/access.ts", () => {
    for (const page of PATIENT_PAGES) expect(page.level).toBe(accessFor(page.path));
    expect(patientPage("/profile").level).toBe("P0");
    expect(patientPage("/gp-practice").level).toBe("P5");
    expect(patientPage("/gp-online-services").level).toBe("P9");
  });

  it("lists each page once, the profile first", () => {
    const paths = PATIENT_PAGES.map((page) => page.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths[0]).toBe("/profile");
  });

  it("finds a page from a return address, whatever its query or spelling", () => {
    expect(findPatientPage("/gp-practice?from=profile#top")?.title).toBe("Your GP surgery");
    expect(findPatientPage("/GP-Practice/")?.title).toBe("Your GP surgery");
    expect(findPatientPage("/accessibility")).toBeUndefined();
    expect(findPatientPage("/")).toBeUndefined();
    expect(() => patientPage("/no-such-page")).toThrow(/not in lib\/patient-pages/);
  });

  it("says each page's purpose in words a patient knows", () => {
    for (const page of PATIENT_PAGES) {
      const sentence = purposeSentence(page);
      expect(sentence).toMatch(/^[A-Z].*[a-z]\.$/);
      expect(sentence).not.toMatch(/\b(P0|P5|P9|vot|vtr|ODS)\b/);
    }
    expect(purposeSentence(patientPage("/gp-practice"))).toBe(
      "See which GP surgery you are registered with.",
    );
  });

  it("promises a person whose record is restricted nothing their pages will not show", () => {
    for (const page of PATIENT_PAGES) {
      for (const sentence of [purposeSentence(page, true), purposeOf(page, true)]) {
        expect(sentence, page.path).not.toMatch(/address|phone|email|which GP surgery/i);
      }
    }
    expect(purposeSentence(patientPage("/gp-practice"), true)).toBe(
      "Find out how to register with a GP surgery if you move.",
    );
  });
});
