import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { configProblems } from "../../test-support/config-problems";
import { loadConfig } from "../config";
import { TEMPLATE_CONTENT_FILE } from "./template-content";

const pem = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
const loginKey = pem();
const apiKey = pem();

const FINISHED = JSON.stringify({ placeholders: [] });
const UNFINISHED = JSON.stringify({
  placeholders: [
    "app/accessibility/page.tsx:25",
    "app/accessibility/page.tsx:28",
    "app/privacy/page.tsx:34",
  ],
});

/** A production server of a service that is ready to go live, with its API platform application. */
function ready(environment: "integration" | "production"): Record<string, string> {
  return {
    NODE_ENV: "production",
    NHS_LOGIN_ENV: environment,
    NHS_LOGIN_CLIENT_ID: "client",
    NHS_LOGIN_PRIVATE_KEY: loginKey,
    AUTH_SECRET: "x".repeat(32),
    AUTH_URL: "https://portal.example.nhs.uk",
    SESSION_STORE: "memory",
    SERVICE_NAME: "Book a vaccination",
    NHS_API_ENV: environment,
    NHS_API_KEY: "the-api-key",
    NHS_API_PRIVATE_KEY: apiKey,
  };
}

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

/** `templateContent`: what the build recorded beside the server; null if nothing. */
function load(env: Record<string, string>, templateContent: string | null = FINISHED) {
  return loadConfig(env, (path) => {
    if (path === TEMPLATE_CONTENT_FILE && templateContent !== null) return templateContent;
    throw new Error("ENOENT");
  });
}

function problems(env: Record<string, string>, templateContent?: string | null): string[] {
  return configProblems(() => load(env, templateContent));
}

describe("go-live guards: NHS login and the API platform at their own addresses", () => {
  it("start a production server that uses its environment's own addresses, with nothing overridden", () => {
    for (const environment of ["integration", "production"] as const) {
      expect(load(ready(environment)).goLiveOverrides).toEqual([]);
      expect(
        load({
          ...ready(environment),
          NHS_LOGIN_ISSUER:
            environment === "production"
              ? "https://auth.login.nhs.uk/"
              : "https://auth.aos.signin.nhs.uk",
          NHS_API_BASE_URL:
            environment === "production"
              ? "https://api.service.nhs.uk"
              : "https://int.api.service.nhs.uk/",
        }).goLiveOverrides,
      ).toEqual([]);
    }
  });

  it.each([
    [
      "production",
      "NHS_LOGIN_ISSUER",
      "http://localhost:4000",
      "NHS login's production issuer (https://auth.login.nhs.uk)",
    ],
    [
      "production",
      "NHS_LOGIN_ISSUER",
      "https://login.example.com",
      "NHS login's production issuer",
    ],
    [
      "production",
      "NHS_LOGIN_ISSUER",
      "https://auth.aos.signin.nhs.uk",
      "NHS login's production issuer",
    ],
    [
      "integration",
      "NHS_LOGIN_ISSUER",
      "http://127.0.0.1:4000",
      "NHS login's integration issuer (https://auth.aos.signin.nhs.uk)",
    ],
    [
      "integration",
      "NHS_LOGIN_ISSUER",
      "https://nhs-login.test.example",
      "NHS login's integration issuer",
    ],
    [
      "production",
      "NHS_API_BASE_URL",
      "https://int.api.service.nhs.uk",
      "the API platform's production address (https://api.service.nhs.uk)",
    ],
    [
      "production",
      "NHS_API_BASE_URL",
      "https://api.example.com",
      "the API platform's production address",
    ],
    [
      "integration",
      "NHS_API_BASE_URL",
      "https://api.service.nhs.uk",
      "the API platform's integration address (https://int.api.service.nhs.uk)",
    ],
    [
      "integration",
      "NHS_API_BASE_URL",
      "http://localhost:4000",
      "the API platform's integration address",
    ],
  ] as const)(
    "refuse NHS_LOGIN_ENV=%s with %s=%s, naming the fix and the override",
    (environment, variable, address, own) => {
      const refused = problems({ ...ready(environment), [variable]: address });
      expect(refused).toHaveLength(1);
      expect(refused[0]).toContain(`${variable}: "${address}" is not ${own}`);
      expect(refused[0]).toContain(`remove ${variable}`);
      expect(refused[0]).toContain("set ALLOW_UNOFFICIAL_NHS_ENDPOINTS=true only to test");
    },
  );

  it("let a production build trust other addresses with ALLOW_UNOFFICIAL_NHS_ENDPOINTS=true, and say so", () => {
    const config = load({
      ...ready("production"),
      NHS_LOGIN_ISSUER: "http://localhost:4000",
      NHS_API_BASE_URL: "http://localhost:4000",
      ALLOW_UNOFFICIAL_NHS_ENDPOINTS: "true",
    });
    expect(config.nhsLogin.issuer).toBe("http://localhost:4000");
    expect(config.goLiveOverrides).toEqual([
      {
        override: "ALLOW_UNOFFICIAL_NHS_ENDPOINTS",
        problem: expect.stringMatching(/^NHS_LOGIN_ISSUER: "http:\/\/localhost:4000" is not/),
      },
      {
        override: "ALLOW_UNOFFICIAL_NHS_ENDPOINTS",
        problem: expect.stringMatching(/^NHS_API_BASE_URL: "http:\/\/localhost:4000" is not/),
      },
    ]);
  });

  it("leave the platform's address alone where the portal calls no platform", () => {
    const noApplication = without(ready("production"), "NHS_API_KEY", "NHS_API_PRIVATE_KEY");
    expect(
      load({ ...noApplication, NHS_API_BASE_URL: "https://api.example.com" }).nhsApi,
    ).toMatchObject({
      status: "not-configured",
    });
  });
});

describe("go-live guards: the template's words", () => {
  it("refuse the template's service name, whether set or left to the default", () => {
    const unnamed = without(ready("production"), "SERVICE_NAME");
    for (const env of [unnamed, { ...unnamed, SERVICE_NAME: "Patient portal" }]) {
      expect(problems(env)).toEqual([
        expect.stringMatching(
          /^SERVICE_NAME: still this template's "Patient portal"; set it to your service's name, or set ALLOW_TEMPLATE_CONTENT=true/,
        ),
      ]);
    }
  });

  it("refuse pages that still hold placeholders, naming the files and how many", () => {
    expect(problems(ready("production"), UNFINISHED)).toEqual([
      expect.stringMatching(
        /^app\/accessibility\/page\.tsx, app\/privacy\/page\.tsx: still hold 3 "\[To fill in: …\]" placeholders; write your own words .* or set ALLOW_TEMPLATE_CONTENT=true/,
      ),
    ]);
  });

  it("refuse a build that recorded nothing about its placeholders (not built with npm run build)", () => {
    for (const record of [null, "not json", JSON.stringify({ places: [] })]) {
      expect(problems(ready("integration"), record)).toEqual([
        expect.stringMatching(
          /^template-content\.json: missing beside server\.js.*build with npm run build.*ALLOW_TEMPLATE_CONTENT=true/,
        ),
      ]);
    }
  });

  it("let a production build start with them under ALLOW_TEMPLATE_CONTENT=true, and say so", () => {
    const unnamed = without(ready("production"), "SERVICE_NAME");
    const config = load({ ...unnamed, ALLOW_TEMPLATE_CONTENT: "true" }, UNFINISHED);
    expect(config.serviceName).toBe("Patient portal");
    expect(config.goLiveOverrides).toEqual([
      { override: "ALLOW_TEMPLATE_CONTENT", problem: expect.stringMatching(/^SERVICE_NAME:/) },
      {
        override: "ALLOW_TEMPLATE_CONTENT",
        problem: expect.stringMatching(/still hold 3 "\[To fill in: …\]" placeholders$/),
      },
    ]);
  });

  it("override one guard only: the other still refuses", () => {
    expect(
      problems(
        {
          ...ready("production"),
          ALLOW_TEMPLATE_CONTENT: "true",
          NHS_LOGIN_ISSUER: "http://localhost:4000",
        },
        UNFINISHED,
      ),
    ).toEqual([expect.stringMatching(/^NHS_LOGIN_ISSUER:/)]);
  });
});

describe("go-live guards: where they apply", () => {
  it("apply to sandpit's words, not to its addresses", () => {
    const sandpit = {
      ...ready("integration"),
      NHS_LOGIN_ENV: "sandpit",
      NHS_LOGIN_ISSUER: "https://sandpit-proxy.example",
      NHS_API_ENV: "none",
    };
    expect(problems(sandpit)).toEqual([]);
    expect(problems(sandpit, UNFINISHED)).toEqual([expect.stringMatching(/placeholders/)]);
  });

  it("do not apply to the local environment, nor outside a production server", () => {
    const local = {
      NODE_ENV: "production",
      NHS_LOGIN_ENV: "local",
      NHS_LOGIN_PRIVATE_KEY: loginKey,
      AUTH_SECRET: "x".repeat(32),
      AUTH_URL: "http://localhost:3000",
      NHS_API_ENV: "none",
    };
    expect(problems(local, null)).toEqual([]);
    const unready: Record<string, string> = {
      ...ready("production"),
      NHS_LOGIN_ISSUER: "http://localhost:4000",
      SERVICE_NAME: "Patient portal",
    };
    const development = without(unready, "NODE_ENV");
    expect(problems(development, UNFINISHED)).toEqual([]);
  });

  it("name an override that is neither true nor false", () => {
    expect(problems({ ...ready("production"), ALLOW_TEMPLATE_CONTENT: "yes" })).toEqual([
      "ALLOW_TEMPLATE_CONTENT: must be true or false.",
    ]);
  });
});
