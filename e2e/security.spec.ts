import { expect, test, type APIRequestContext } from "@playwright/test";
import { cookieCodec } from "../lib/session/codec";
import { nationalPhoneNumber } from "../simulator/api-platform/patients";
import { E2E } from "./support/environment";
import { logIn, newPerson, newPersonDetails } from "./support/nhs-login";
import { portalLogText } from "./support/portal-log";

/** The protections a security reviewer expects, proved against the running portal. */
test.describe.configure({ mode: "parallel" });

const SESSION = "portal.session";

async function expectNotLoggedIn(request: APIRequestContext, headers: Record<string, string>) {
  const response = await request.get("/profile", { headers, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toMatch(/\/auth\/sign-in\?returnTo=%2Fprofile$/);
}

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({
  page,
}) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["permissions-policy"]).toBeTruthy();
  // The NHS.UK body snippet runs under the policy: the page is styled for JavaScript.
  await expect(page.locator("body")).toHaveClass(/js-enabled/);
  const second = (await page.request.get("/")).headers()["content-security-policy"];
  expect(second).not.toContain(nonce!);
});

test("a session cookie made with another secret gives no session", async ({ request }) => {
  const forged = await cookieCodec("someone-elses-secret-of-sufficient-length!!", "session").encode(
    {
      patient: { sub: "attacker", level: "P9", vot: "P9.Cp.Cd", gpOnlineServices: "linked" },
      idTokenJti: "x",
      authTime: Math.floor(Date.now() / 1000),
      signedInAt: Math.floor(Date.now() / 1000),
      lastActiveAt: Math.floor(Date.now() / 1000),
    },
    3600,
  );
  await expectNotLoggedIn(request, { cookie: `${SESSION}=${forged}` });
});

test("a real session cookie edited in transit gives no session", async ({ page }) => {
  await logIn(page, await newPerson("p0"));
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION)!;
  const parts = cookie.value.split(".");
  const ciphertext = Buffer.from(parts[3]!, "base64url");
  ciphertext[5] = ciphertext[5]! ^ 0x01;
  parts[3] = ciphertext.toString("base64url");
  await expectNotLoggedIn(page.request, { cookie: `${SESSION}=${parts.join(".")}` });
});

test("a P0 session cannot open a P9 page, even past the proxy", async ({ page }) => {
  await logIn(page, await newPerson("p0"));
  for (const path of ["/gp-online-services", "/GP-Online-Services/", "/%67p-online-services"]) {
    const response = await page.request.get(path, {
      maxRedirects: 0,
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    });
    expect([303, 307, 308, 404], path).toContain(response.status());
    expect(await response.text()).not.toContain("GP online services account");
  }
});

test("request headers cannot skip the gate", async ({ request }) => {
  const headers: Record<string, string>[] = [
    { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    { "x-nonce": "attacker" },
    { "x-forwarded-host": "evil.example" },
  ];
  for (const header of headers) {
    const response = await request.get("/profile", { headers: header, maxRedirects: 0 });
    expect(response.status()).not.toBe(200);
    expect(response.headers()["location"] ?? "").not.toContain("evil.example");
  }
});

const HOSTILE_RETURN_ADDRESSES = [
  "//evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "https://evil.example",
  "HTTPS://EVIL.EXAMPLE",
  "javascript:alert(1)",
  "/\t/evil.example",
  "///evil.example",
];

for (const returnTo of HOSTILE_RETURN_ADDRESSES) {
  test(`no open redirect through returnTo=${JSON.stringify(returnTo)}`, async ({ request }) => {
    for (const path of ["/auth/sign-in", "/auth/uplift", "/auth/timed-out"]) {
      const response = await request.get(`${path}?returnTo=${encodeURIComponent(returnTo)}`, {
        maxRedirects: 0,
      });
      expect(response.status()).toBeLessThan(500);
      const location = response.headers()["location"] ?? "";
      if (location) {
        const target = new URL(location, E2E.portal);
        expect([new URL(E2E.portal).origin, new URL(E2E.simulator).origin]).toContain(
          target.origin,
        );
        const callback = target.searchParams.get("redirect_uri");
        if (callback) expect(callback.startsWith(E2E.portal)).toBe(true);
      }
      const body = await response.text();
      expect(body).not.toContain('href="//evil');
      expect(body).not.toContain("javascript:alert");
    }
  });
}

/** Small deterministic generator, so a failure can be reproduced from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function fuzzString(next: () => number, max: number): string {
  const pieces = [
    "%",
    "%00",
    "%ff",
    "\u0000",
    "../",
    "<script>",
    "'",
    '"',
    "\u202e",
    "=",
    "&",
    "é",
    "𝄞",
    "a",
  ];
  let out = "";
  const length = Math.floor(next() * max);
  while (out.length < length) out += pieces[Math.floor(next() * pieces.length)];
  return out;
}

test("bounded fuzzing of the callback, page query strings and cookies: no 5xx, no session", async ({
  request,
}) => {
  test.setTimeout(60_000);
  const next = random(20261124);
  const paths = [
    "/api/auth/callback/nhs-login",
    "/profile",
    "/",
    "/auth/error",
    "/auth/uplift",
    "/auth/sign-in",
  ];
  for (let i = 0; i < 120; i++) {
    const path = paths[i % paths.length]!;
    const query = new URLSearchParams({
      code: fuzzString(next, 80),
      state: fuzzString(next, 200),
      error: fuzzString(next, 30),
      returnTo: fuzzString(next, 60),
    });
    const cookieValue = encodeURIComponent(fuzzString(next, i % 10 === 0 ? 3000 : 300));
    const response = await request.get(`${path}?${query}`, {
      maxRedirects: 0,
      headers: { cookie: `${SESSION}=${cookieValue}; portal.sign-in=${cookieValue}` },
    });
    expect(response.status(), `${path} #${i}`).toBeLessThan(500);
    expect(response.headers()["set-cookie"] ?? "").not.toMatch(/portal\.session=[^;]{20,}/);
  }
});

test("the portal's log holds no tokens, codes or details about the person", async ({ page }) => {
  const person = await newPersonDetails("p9");
  const callback = page.waitForRequest(/\/api\/auth\/callback\/nhs-login\?code=/);
  await logIn(page, person.id);
  const returned = new URL((await callback).url()).searchParams;
  await expect.poll(() => portalLogText(E2E.portal)).toMatch(/"event":"sign-in"/);
  // Their NHS record too: a token exchange, PDS and ODS, each call logged for operators.
  await page.goto("/nhs-record");
  const address = (await page.getByTestId("record-address").innerText()).split("\n");
  await expect
    .poll(async () => (await portalLogText(E2E.portal)).match(/"event":"nhs-api-call"/g)?.length)
    .toBeGreaterThan(0);

  const log = await portalLogText(E2E.portal);
  const demographics = person.demographics!;
  for (const detail of [
    person.sub,
    person.email,
    person.phoneNumber,
    nationalPhoneNumber(person.phoneNumber),
    demographics.nhsNumber,
    demographics.familyName,
    demographics.birthdate,
    ...address,
    returned.get("code")!,
    returned.get("state")!,
  ]) {
    expect(log, "a detail from this log-in").not.toContain(detail);
  }
  expect(log, "a JSON Web Token").not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
});
