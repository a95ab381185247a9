import { expect, test, type APIResponse } from "@playwright/test";
import { E2E } from "./support/environment";

/**
 * Every response carries the security headers, including those the proxy never sees (issue 16,
 * finding 7), and a page carries exactly one Content-Security-Policy: the proxy's, with its nonce.
 */
function values(response: APIResponse, name: string): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === name)
    .map((header) => header.value);
}

function expectStaticHeaders(response: APIResponse, what: string): void {
  expect(values(response, "strict-transport-security"), what).toEqual([
    "max-age=31536000; includeSubDomains",
  ]);
  expect(values(response, "x-content-type-options"), what).toEqual(["nosniff"]);
  expect(values(response, "x-frame-options"), what).toEqual(["DENY"]);
  expect(values(response, "referrer-policy"), what).toHaveLength(1);
}

for (const path of [
  "/api/auth/session",
  "/api/auth/providers",
  "/api/health/live",
  "/assets/no-such-file.css",
  "/_next/static/no-such-chunk.js",
  "/_next/image?w=64",
]) {
  test(`${path} carries the security headers and a policy that allows no inline script`, async ({
    request,
  }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expectStaticHeaders(response, path);
    const [policy, ...more] = values(response, "content-security-policy");
    expect(more, `${path}: one policy`).toEqual([]);
    expect(policy).toMatch(/script-src 'self';/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/nonce-|unsafe-inline/);
  });
}

for (const path of [
  "/",
  "/accessibility",
  "/profile",
  "/no-such-page",
  "/favicon.ico",
  "/_next/no-such-thing",
]) {
  test(`${path} carries exactly one policy, the proxy's with its nonce`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expectStaticHeaders(response, path);
    const policies = values(response, "content-security-policy");
    expect(policies, path).toHaveLength(1);
    expect(policies[0]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  });
}

test("over https too, every response carries exactly one HSTS header", async ({ playwright }) => {
  const https = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  for (const path of ["/", "/api/health/live", "/assets/no-such-file.css"]) {
    const response = await https.get(`${E2E.httpsPortal}${path}`, { maxRedirects: 0 });
    expect(values(response, "strict-transport-security"), path).toEqual([
      "max-age=31536000; includeSubDomains",
    ]);
  }
  await https.dispose();
});
