import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { clearCookie, cookieName, setCookie } from "./cookies";

describe("the portal's cookies", () => {
  it("are prefixed __Host- over https only", () => {
    expect(cookieName("session", true)).toBe("__Host-portal.session");
    expect(cookieName("session", false)).toBe("portal.session");
    expect(cookieName("signInAttempt", true, "abc")).toBe("__Host-portal.sign-in.abc");
  });

  it("are HttpOnly, SameSite=Lax and site-wide, Secure over https, with their own lifetimes", () => {
    const response = NextResponse.next();
    setCookie(response, "reauthenticate", "1", true);
    setCookie(response, "session", "v", false);
    const [reauthenticate, session] = response.headers.getSetCookie();
    expect(reauthenticate).toMatch(
      /^__Host-portal\.reauthenticate=1; Path=\/; Expires=[^;]+; Max-Age=43200; Secure; HttpOnly; SameSite=lax$/,
    );
    // The session cookie ends when the browser closes.
    expect(session).toBe("portal.session=v; Path=/; HttpOnly; SameSite=lax");
  });

  it("are removed with the attributes they were set with, so a __Host- cookie really goes", () => {
    const response = NextResponse.next();
    clearCookie(response, "session", true);
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^__Host-portal\.session=; Path=\/; (Expires=[^;]+; )?Max-Age=0; Secure; HttpOnly; SameSite=lax$/,
    );
  });
});
