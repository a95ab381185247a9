import { describe, expect, it } from "vitest";
import {
  accessFor,
  decideAccess,
  levelToReach,
  normalisePath,
  safeReturnTo,
  type Visitor,
} from "./access";

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

  it("raises the level for what a page shows at a higher one, and never lowers it", () => {
    expect(levelToReach("/gp-practice", "P9")).toBe("P9");
    expect(levelToReach("/nhs-record", "P0")).toBe("P9");
    expect(levelToReach("/gp-practice", "P7")).toBe("P5");
    expect(levelToReach("/gp-practice", ["P9"])).toBe("P5");
  });

  it("judges an address by its path, whatever its query or fragment", () => {
    expect(levelToReach("/nhs-record?x=1")).toBe("P9");
    expect(levelToReach("/gp-practice#top")).toBe("P5");
    expect(accessFor("/profile?next=/")).toBe("P0");
    // An encoded "?" is part of the path, not the start of a query.
    expect(accessFor("/gp-practice%3Fx")).toBe("public");
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
    // Short as given, but six times longer once parsing has percent-encoded it.
    `/${"é".repeat(200)}`,
    // Dot segments that parse into another origin: the address returned is what is checked.
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/..//evil.example",
    "/./\\evil.example",
    "/profile/../..//evil.example",
  ])("refuses %j", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });
});

describe("the one decision: may this request see this page", () => {
  const outside = { insideNhsApp: false };
  const decide = (page: string, visitor: Visitor, context = outside) =>
    decideAccess(page, visitor, context);

  it("lets anyone see a public page, whatever the session store says", () => {
    for (const visitor of [
      { status: "none" },
      { status: "unavailable" },
      { status: "ended", reason: "idle" },
    ] as Visitor[]) {
      expect(decide("/accessibility", visitor)).toEqual({ kind: "allow" });
    }
  });

  it("sends a person with no session to log in, returning to the page asked for", () => {
    expect(decide("/gp-practice?tab=1", { status: "none" })).toEqual({
      kind: "redirect",
      to: "/auth/sign-in?returnTo=%2Fgp-practice%3Ftab%3D1",
    });
  });

  it("sends a person below the page's level to uplift, and lets the rest in", () => {
    expect(decide("/gp-online-services", { status: "active", level: "P5" })).toEqual({
      kind: "redirect",
      to: "/auth/uplift?returnTo=%2Fgp-online-services",
    });
    expect(decide("/gp-practice", { status: "active", level: "P9" })).toEqual({ kind: "allow" });
  });

  it("sends an ended session back to log in, or inside the NHS App to say why", () => {
    expect(decide("/profile", { status: "ended", reason: "idle" })).toEqual({
      kind: "redirect",
      to: "/auth/sign-in?returnTo=%2Fprofile",
    });
    expect(
      decide("/profile", { status: "ended", reason: "max-age" }, { insideNhsApp: true }),
    ).toEqual({ kind: "redirect", to: "/auth/timed-out?reason=max-age&returnTo=%2Fprofile" });
    expect(
      decide("/profile", { status: "ended", reason: "logged-out" }, { insideNhsApp: true }),
    ).toEqual({ kind: "redirect", to: "/auth/sign-in?returnTo=%2Fprofile" });
  });

  it("says a gated page is unavailable when the session store cannot be asked", () => {
    expect(decide("/profile", { status: "unavailable" })).toEqual({ kind: "unavailable" });
  });

  it.each(["/profile/x/..//evil.example", "/gp-practice/a/%2e%2e//evil.example"])(
    "never carries a return address to another site, even from the page asked for (%s)",
    (page) => {
      const decision = decide(page, { status: "none" });
      if (decision.kind !== "redirect")
        throw new Error(`expected a redirect, got ${decision.kind}`);
      const base = "https://portal.example";
      const returnTo = new URL(decision.to, base).searchParams.get("returnTo")!;
      expect(new URL(returnTo, base).origin).toBe(base);
    },
  );
});
