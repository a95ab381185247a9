import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

const scriptSources = (policy: string) => /script-src ([^;]*)/.exec(policy)?.[1];

describe("the Content-Security-Policy of a page", () => {
  it("names the NHS App's script origin only inside the app, beside the nonce", () => {
    const outside = contentSecurityPolicy("n0nce", { dev: false, https: true });
    expect(scriptSources(outside)).toBe("'self' 'nonce-n0nce' 'strict-dynamic'");
    const inside = contentSecurityPolicy("n0nce", {
      dev: false,
      https: true,
      nhsAppScriptOrigin: "https://www.nhsapp.service.nhs.uk",
    });
    expect(scriptSources(inside)).toBe(
      "'self' 'nonce-n0nce' 'strict-dynamic' https://www.nhsapp.service.nhs.uk",
    );
  });

  it("allows no script from elsewhere without a nonce, inside the app or not", () => {
    const policy = contentSecurityPolicy(undefined, {
      dev: false,
      https: false,
      nhsAppScriptOrigin: "https://www.nhsapp.service.nhs.uk",
    });
    expect(scriptSources(policy)).toBe("'self'");
  });
});
