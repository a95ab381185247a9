import { describe, expect, it } from "vitest";
import { portalCookieName, portalCookieOptions, portalSetCookie } from "./cookies";

describe("the portal's cookies", () => {
  it("are prefixed __Host- over https only", () => {
    expect(portalCookieName("portal.session", true)).toBe("__Host-portal.session");
    expect(portalCookieName("portal.session", false)).toBe("portal.session");
  });

  it("are HttpOnly, SameSite=Lax and site-wide, Secure over https", () => {
    expect(portalCookieOptions(true, 60)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: true,
      maxAge: 60,
    });
    expect(portalCookieOptions(false)).not.toHaveProperty("maxAge");
    expect(portalSetCookie("__Host-a", "1", true, 0)).toBe(
      "__Host-a=1; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    );
    expect(portalSetCookie("a", "1", false, 300)).toBe(
      "a=1; Path=/; Max-Age=300; HttpOnly; SameSite=Lax",
    );
  });
});
