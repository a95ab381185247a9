import { describe, expect, it } from "vitest";
import { describeDifferences, listOf, whereToChange } from "./differences";

describe("the differences between NHS login and the NHS record, in words", () => {
  it("joins a list as a sentence does", () => {
    expect(listOf([])).toBe("");
    expect(listOf(["name"])).toBe("name");
    expect(listOf(["name", "email address"])).toBe("name and email address");
    expect(listOf(["a", "b", "c"])).toBe("a, b and c");
  });

  it("names each detail as a person would", () => {
    expect(describeDifferences(["name", "phone"])).toBe("name and phone number");
    expect(describeDifferences(["date-of-birth", "email", "gp-surgery"])).toBe(
      "date of birth, email address and GP surgery",
    );
  });

  it("knows which details are changed in NHS login rather than at the GP surgery", () => {
    expect(whereToChange(["name", "phone", "date-of-birth", "email", "gp-surgery"])).toEqual({
      inNhsLogin: ["phone", "email"],
      atGpSurgery: ["name", "date-of-birth", "gp-surgery"],
    });
  });
});
