import { describe, expect, it } from "vitest";
import {
  DEFAULT_VTR,
  formatVtr,
  isVector,
  KNOWN_VECTORS,
  levelOfVector,
  meetsLevel,
  parseVtr,
  vectorsForLevel,
  type Vector,
} from "./vectors";

describe("vectors of trust", () => {
  it("reads the proofing level of a vector", () => {
    expect(levelOfVector("P0.Cp")).toBe("P0");
    expect(levelOfVector("P5.Cm")).toBe("P5");
    expect(levelOfVector("P9.Cp.Ck")).toBe("P9");
  });

  it("orders levels P0 < P5 < P9", () => {
    expect(meetsLevel("P9", "P5")).toBe(true);
    expect(meetsLevel("P5", "P5")).toBe(true);
    expect(meetsLevel("P5", "P9")).toBe(false);
    expect(meetsLevel("P0", "P5")).toBe(false);
  });

  it("requests every registered vector at or above the level needed", () => {
    expect(vectorsForLevel("P9", KNOWN_VECTORS)).toEqual(["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"]);
    expect(vectorsForLevel("P5", KNOWN_VECTORS)).toEqual([
      "P5.Cp.Cd",
      "P5.Cp.Ck",
      "P5.Cm",
      "P9.Cp.Cd",
      "P9.Cp.Ck",
      "P9.Cm",
    ]);
    expect(vectorsForLevel("P0", ["P0.Cp", "P9.Cm"])).toEqual(["P0.Cp", "P9.Cm"]);
  });

  it("refuses a level that no registered vector reaches", () => {
    expect(() => vectorsForLevel("P9", ["P0.Cp", "P5.Cp.Cd"])).toThrow(/P9/);
  });

  it("formats vtr as a JSON array string, which parseVtr reads back", () => {
    const vectors: Vector[] = ["P9.Cp.Cd", "P9.Cm"];
    expect(formatVtr(vectors)).toBe('["P9.Cp.Cd","P9.Cm"]');
    expect(parseVtr(formatVtr(vectors))).toEqual({ ok: true, vectors });
  });

  it("reads a missing vtr as NHS login's default, and a repeated vector once", () => {
    expect(parseVtr(undefined)).toEqual({ ok: true, vectors: [...DEFAULT_VTR] });
    expect(DEFAULT_VTR).toEqual(["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"]);
    expect(parseVtr('["P5.Cm","P5.Cm"]')).toEqual({ ok: true, vectors: ["P5.Cm"] });
  });

  it.each([
    ["not JSON", "P9.Cp.Cd"],
    ["an empty list", "[]"],
    ["an unknown vector", '["P9.Ca.Cc"]'],
    ["a string, not a list", '"P9.Cp.Cd"'],
    ["a curly quote", "[“P9.Cp.Cd”]"],
  ])("rejects a vtr that is %s", (_, value) => {
    expect(parseVtr(value)).toMatchObject({ ok: false });
  });

  it("rejects a vtr sent twice", () => {
    expect(parseVtr(['["P9.Cm"]', '["P5.Cm"]'])).toEqual({
      ok: false,
      reason: "vtr must be a single value",
    });
  });

  it("knows only NHS login's profiles", () => {
    expect(isVector("P9.Cp.Cd")).toBe(true);
    expect(isVector("P9.Cp")).toBe(false);
    expect(isVector(9)).toBe(false);
  });
});
