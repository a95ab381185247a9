import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { publicUrl } from "./public-url";

describe("addresses on the portal", () => {
  // Behind a TLS terminator the request arrives over http, under the public host name.
  const request = new NextRequest("http://portal.example/profile");

  it("use AUTH_URL, so that redirects stay on https behind a TLS terminator", () => {
    expect(publicUrl("/auth/logged-out", request, "https://portal.example").href).toBe(
      "https://portal.example/auth/logged-out",
    );
  });

  it("use the request's own origin when there is no AUTH_URL (local development)", () => {
    expect(publicUrl("/auth/error?code=refused", request, undefined).href).toBe(
      "http://portal.example/auth/error?code=refused",
    );
  });
});
