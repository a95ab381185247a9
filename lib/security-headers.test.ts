import {
  unstable_doesMiddlewareMatch,
  unstable_getResponseFromNextConfig,
} from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import nextConfig from "../next.config";
import { config as proxyConfig } from "../proxy";

const SKIPPED_BY_THE_PROXY = [
  "/api/auth/callback/nhs-login",
  "/api/auth/session",
  "/api/health/live",
  "/api/health/ready",
  "/assets/nhsuk-frontend-10.6.1.min.css",
  "/assets/no-such-file.css",
  "/_next/static/chunks/no-such-chunk.js",
  "/_next/image",
];

describe("the proxy's matcher", () => {
  const runsFor = (path: string) =>
    unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://localhost${path}` });

  it("runs for every page", () => {
    for (const path of ["/", "/profile", "/gp-practice", "/auth/sign-in", "/no-such-page"]) {
      expect(runsFor(path), path).toBe(true);
    }
  });

  it("skips static files, next-auth's endpoints and the health endpoints", () => {
    for (const path of SKIPPED_BY_THE_PROXY) expect(runsFor(path), path).toBe(false);
  });

  it("runs for every other path, however much it looks like a skipped one", () => {
    for (const path of [
      "/favicon.ico",
      "/apiary",
      "/assets",
      "/_next/data/x.json",
      "/_nextstatic",
    ]) {
      expect(runsFor(path), path).toBe(true);
    }
  });
});

describe("next.config's headers", () => {
  async function headersFor(path: string) {
    const response = await unstable_getResponseFromNextConfig({
      url: `http://localhost${path}`,
      nextConfig: () => nextConfig("phase-production-server"),
    });
    return response.headers;
  }

  it("give every response, seen by the proxy or not, CSP and HSTS", async () => {
    for (const path of ["/", "/profile", "/favicon.ico", ...SKIPPED_BY_THE_PROXY]) {
      const headers = await headersFor(path);
      expect(headers.get("strict-transport-security"), path).toBe(
        "max-age=31536000; includeSubDomains",
      );
      expect(headers.get("content-security-policy"), path).toMatch(
        /^default-src 'self'; script-src 'self';.*frame-ancestors 'none'$/,
      );
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("bake in nothing a deployment sets: the same headers whatever the environment", async () => {
    const before = [...(await headersFor("/api/health/live")).entries()];
    process.env.AUTH_URL = "https://portal.example.nhs.uk";
    try {
      expect([...(await headersFor("/api/health/live")).entries()]).toEqual(before);
    } finally {
      delete process.env.AUTH_URL;
    }
  });

  it("allow what next dev's hot reloading needs only in development", async () => {
    const dev = await unstable_getResponseFromNextConfig({
      url: "http://localhost/",
      nextConfig: () => nextConfig("phase-development-server"),
    });
    expect(dev.headers.get("content-security-policy")).toMatch(/'unsafe-eval'/);
    expect((await headersFor("/")).get("content-security-policy")).not.toMatch(/unsafe/);
  });
});
