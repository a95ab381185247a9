import { describe, expect, it } from "vitest";
import { accessFor, levelToReach, normalisePath, safeReturnTo } from "./access";

describe("access table", () => {
  it.each([
    ["/", "public"],
    ["/accessibility", "public"],
    ["/profile", "P0"],
    ["/profile/", "P0"],
    ["/profile/details", "P0"],
    ["/PROFILE", "P0"],
    ["/%70rofile", "P0"],
    ["//profile", "P0"],
    ["/./profile", "P0"],
    ["/public/../profile", "P0"],
    ["/gp-practice", "P5"],
    ["/GP-Practice/", "P5"],
    ["/gp-online-services", "P9"],
    ["/gp-online-services%2F", "P9"],
    ["/gp-online-services/x/y", "P9"],
    ["/profiles", "public"],
    ["/gp-practiced", "public"],
  ])("%s needs %s", (path, access) => {
    expect(accessFor(path)).toBe(access);
  });

  it("treats an undecodable path as written", () => {
    expect(normalisePath("/profile%")).toBe("/profile%");
  });

  it("asks a sign-in from a public page for any NHS login", () => {
    expect(levelToReach("/")).toBe("P0");
    expect(levelToReach("/gp-online-services")).toBe("P9");
  });
});

describe("return addresses", () => {
  it.each(["/profile", "/gp-practice?tab=1", "/profile#name", "/%2F%2Fevil"])(
    "keeps the same-origin path %s",
    (value) => expect(safeReturnTo(value)).toBe(value),
  );

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example/profile",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "/\t/evil.example",
    "evil.example",
    "",
    null,
    undefined,
    "/api/auth/signout",
    "/auth/logout",
    "/AUTH/sign-in",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });
});
