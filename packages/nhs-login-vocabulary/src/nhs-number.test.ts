import { describe, expect, it } from "vitest";
import { formatNhsNumber, isValidNhsNumber, nhsNumberCheckDigit } from "./nhs-number";

describe("NHS numbers", () => {
  it("accepts numbers with a correct modulus-11 check digit", () => {
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("4857773457")).toBe(true);
  });

  it("rejects a wrong check digit, including the NHS's own formatting example", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    expect(isValidNhsNumber("4857773456")).toBe(false);
  });

  it("rejects numbers whose check digit would be 10", () => {
    // weighted sum 6 × 2 = 12, and 11 - 12 % 11 = 10: no valid check digit exists
    const firstNine = "000000006";
    expect(nhsNumberCheckDigit(firstNine)).toBeNull();
    expect(isValidNhsNumber(`${firstNine}0`)).toBe(false);
  });

  it("maps a check of 11 to 0", () => {
    expect(nhsNumberCheckDigit("000000000")).toBe(0);
    expect(isValidNhsNumber("0000000000")).toBe(true);
  });

  it.each(["485777345", "48577734560", "485 777 3456", "48577734a6", ""])(
    "rejects %j, which is not ten digits",
    (value) => expect(isValidNhsNumber(value)).toBe(false),
  );

  it("formats as 3 3 4 digits", () => {
    expect(formatNhsNumber("4857773456")).toBe("485 777 3456");
  });
});
