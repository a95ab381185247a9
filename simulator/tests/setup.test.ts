import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadClientsFile } from "../clients";
import { helpText, readSettings, SettingsError } from "../config";
import { KeyStore } from "../keys";
import { ensureLocalKey } from "../local-client";
import { isValidNhsNumber, KNOWN_VECTORS } from "nhs-login-vocabulary";
import { loadPersonasFile } from "../personas-file";
import { syntheticNhsNumber } from "../personas";
import { startSimulator } from "../server";
import { chooseVot, requestedVectors } from "../vectors";

const dir = () => mkdtempSync(join(tmpdir(), "simulator-test-"));

function optionsFrom(argv: string[], env: Record<string, string> = {}) {
  const settings = readSettings(argv, env);
  if (settings.help) throw new Error("expected options, not --help");
  return settings.options;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the portal's local key", () => {
  it("is created once as a 2048-bit RSA PKCS#8 PEM readable only by its owner", () => {
    const path = join(dir(), ".local", "key.pem");
    expect(ensureLocalKey(path)).toEqual({ created: true });
    const pem = readFileSync(path, "utf8");
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPrivateKey(pem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(ensureLocalKey(path)).toEqual({ created: false });
    expect(readFileSync(path, "utf8")).toBe(pem);
  });

  it("registers portal-local with the portal's public key and the redirect URIs given", async () => {
    const keyFile = join(dir(), "key.pem");
    const simulator = await startSimulator({
      port: 0,
      quiet: true,
      keysFile: false,
      localClient: {
        keyFile,
        redirectUris: ["http://localhost:3000/cb", "http://localhost:3001/cb"],
      },
    });
    try {
      const home = await (await fetch(`${simulator.issuer}/`)).text();
      expect(home).toContain("portal-local");
      expect(home).toContain("http://localhost:3001/cb");
      expect(readFileSync(keyFile, "utf8")).toContain("PRIVATE KEY");
    } finally {
      await simulator.close();
    }
  });
});

describe("the simulator's own keys", () => {
  it("persist across restarts so issued tokens stay verifiable", async () => {
    const file = join(dir(), "keys.json");
    const first = await KeyStore.open(file);
    const second = await KeyStore.open(file);
    expect(second.current.kid).toBe(first.current.kid);
    expect(second.nhsApp.kid).toBe(first.nhsApp.kid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const rotated = await first.rotate();
    expect((await KeyStore.open(file)).current.kid).toBe(rotated.kid);
  });
});

describe("configuration files", () => {
  const publicPem = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .publicKey.export({ type: "spki", format: "pem" })
    .toString();

  it("loads clients with PEM or JWK public keys", async () => {
    const file = join(dir(), "clients.json");
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(
      file,
      JSON.stringify({
        clients: [
          {
            clientId: "pem-client",
            redirectUris: ["https://a.example/cb"],
            scopes: ["openid", "email"],
            vectors: ["P9.Cp.Cd"],
            publicKey: publicPem,
          },
          {
            clientId: "jwk-client",
            redirectUris: ["https://b.example/cb"],
            scopes: ["openid"],
            vectors: ["P0.Cp"],
            publicKey: publicKey.export({ format: "jwk" }),
            refreshTokens: true,
          },
        ],
      }),
    );
    const clients = await loadClientsFile(file);
    expect(clients.map((client) => client.clientId)).toEqual(["pem-client", "jwk-client"]);
    expect(clients[0]?.publicKeys[0]).toMatchObject({
      kty: "RSA",
      alg: "RS512",
      kid: expect.any(String),
    });
    expect(clients[1]?.refreshTokens).toBe(true);
  });

  it.each([
    [
      {
        clients: [
          {
            clientId: "x",
            redirectUris: [],
            scopes: ["openid"],
            vectors: ["P9.Cp.Cd"],
            publicKey: "PEM",
          },
        ],
      },
      /redirectUris/,
    ],
    [
      {
        clients: [
          {
            clientId: "x",
            redirectUris: ["https://a.example/cb"],
            scopes: ["openid", "shoe_size"],
            vectors: ["P9.Cp.Cd"],
            publicKey: "-----BEGIN",
          },
        ],
      },
      /clients\[0\]\.scopes\[1\]/,
    ],
    [
      {
        clients: [
          {
            clientId: "x",
            redirectUris: ["https://a.example/cb"],
            scopes: ["email"],
            vectors: ["P9.Cp.Cd"],
            publicKey: "-----BEGIN",
          },
        ],
      },
      /must include openid/,
    ],
    [
      {
        clients: [
          {
            clientId: "x",
            redirectUris: ["https://a.example/cb"],
            scopes: ["openid"],
            vectors: ["P9.Ca.Cc"],
            publicKey: "-----BEGIN",
          },
        ],
      },
      /not a vector NHS login supports/,
    ],
    [
      {
        clients: [
          {
            clientId: "x",
            redirectUris: ["https://a.example/cb"],
            scopes: ["openid"],
            vectors: ["P9.Cp.Cd"],
            publicKey: "-----BEGIN nonsense",
          },
        ],
      },
      /publicKey is not a readable RSA public key/,
    ],
    [
      {
        clients: [
          {
            clientId: "x",
            redirectUris: ["https://a.example/*"],
            scopes: ["openid"],
            vectors: ["P9.Cp.Cd"],
            publicKey: "-----BEGIN",
          },
        ],
      },
      /wildcard/,
    ],
  ])("explains exactly what is wrong with a clients file (%#)", async (content, message) => {
    const file = join(dir(), "clients.json");
    writeFileSync(file, JSON.stringify(content));
    await expect(loadClientsFile(file)).rejects.toThrow(message);
  });

  it("loads personas and explains what is wrong with a personas file", () => {
    const file = join(dir(), "personas.json");
    writeFileSync(
      file,
      JSON.stringify({
        personas: [
          {
            id: "pharmacy-p9",
            level: "P9",
            demographics: {
              nhsNumber: "9990000107",
              birthdate: "1980-01-01",
              givenName: "Pat",
              familyName: "SIMPHARM",
            },
          },
        ],
      }),
    );
    expect(loadPersonasFile(file)[0]).toMatchObject({
      id: "pharmacy-p9",
      email: "pharmacy-p9@simulator.example",
      level: "P9",
    });

    writeFileSync(
      file,
      JSON.stringify({
        personas: [
          {
            id: "bad",
            level: "P9",
            demographics: {
              nhsNumber: "9990000109",
              birthdate: "1980-13-01",
              givenName: "A",
              familyName: "B",
            },
          },
        ],
      }),
    );
    expect(() => loadPersonasFile(file)).toThrow(
      /personas\[0\]\.demographics\.nhsNumber[\s\S]*|modulus-11/,
    );
    writeFileSync(file, JSON.stringify({ personas: [{ id: "bad", level: "P5" }] }));
    expect(() => loadPersonasFile(file)).toThrow(/needs demographics/);
    writeFileSync(file, JSON.stringify({ personas: [{ id: "bad", level: "P0", logsInAt: "P5" }] }));
    expect(() => loadPersonasFile(file)).toThrow(
      /below the persona's level[\s\S]*personas\[0\]\.logsInAt/,
    );
  });
});

describe("start-up rules", () => {
  it("refuses to start with NODE_ENV=production unless allowed", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(
      startSimulator({ port: 0, quiet: true, keysFile: false, localClient: false }),
    ).rejects.toThrow(/not NHS login/);
    vi.stubEnv("SIMULATOR_ALLOW_PRODUCTION", "true");
    const simulator = await startSimulator({
      port: 0,
      quiet: true,
      keysFile: false,
      localClient: false,
    });
    await simulator.close();
  });

  it("prints that it is a simulator", async () => {
    const lines: string[] = [];
    const simulator = await startSimulator({
      port: 0,
      keysFile: false,
      localClient: false,
      log: (line) => lines.push(line),
    });
    await simulator.close();
    expect(lines.join("\n")).toContain("THIS IS A SIMULATOR, NOT NHS LOGIN");
  });

  it("reads its settings from the environment", () => {
    const options = optionsFrom([], {
      SIMULATOR_PORT: "4100",
      SIMULATOR_ISSUER: "http://simulator:4100",
      SIMULATOR_REDIRECT_URIS: "http://localhost:3000/a, http://localhost:3001/b",
      NHS_LOGIN_CLIENT_ID: "my-client",
      NHS_LOGIN_PRIVATE_KEY_FILE: "/keys/key.pem",
    });
    expect(options).toMatchObject({
      port: 4100,
      host: "127.0.0.1",
      issuer: "http://simulator:4100",
      localClient: {
        clientId: "my-client",
        keyFile: "/keys/key.pem",
        redirectUris: ["http://localhost:3000/a", "http://localhost:3001/b"],
      },
    });
    expect(options.controlFromAnywhere).toBeUndefined();
    expect(optionsFrom([], { SIMULATOR_CONTROL_FROM_ANYWHERE: "true" }).controlFromAnywhere).toBe(
      true,
    );
    expect(options.controlToken).toBeUndefined();
    expect(optionsFrom([], { SIMULATOR_CONTROL_TOKEN: "from-the-environment" }).controlToken).toBe(
      "from-the-environment",
    );
  });

  it("reads flags, which win over the environment, which wins over the settings file", () => {
    const file = join(dir(), "simulator.json");
    writeFileSync(
      file,
      JSON.stringify({ port: 4200, host: "0.0.0.0", mode: "headless", persona: "p5" }),
    );
    const options = optionsFrom(["--config", file, "--persona", "p9", "--consent", "decline"], {
      SIMULATOR_PORT: "4300",
      SIMULATOR_PERSONA: "p0",
      SIMULATOR_KEYS_FILE: "memory",
    });
    expect(options).toMatchObject({
      port: 4300,
      host: "0.0.0.0",
      mode: "headless",
      keysFile: false,
      headless: { persona: "p9", consent: "decline" },
    });
    expect(optionsFrom(["--no-local-client", "--control-from-anywhere"]).localClient).toBe(false);
  });

  it.each([
    [["--port", "abc"], /--port \(SIMULATOR_PORT\) must be a port number/],
    [["--issuer", "http://x/path"], /origin only/],
    [["--mode", "quiet"], /--mode must be one of interactive, headless/],
    [["--prot", "4000"], /Unknown option '--prot'[\s\S]*--help/],
  ])("refuses %j with a message that says why", (argv, message) => {
    expect(() => readSettings(argv, {})).toThrow(SettingsError);
    expect(() => readSettings(argv, {})).toThrow(message);
  });

  it("names the mistake in a settings file", () => {
    const file = join(dir(), "simulator.json");
    writeFileSync(file, JSON.stringify({ prot: 4000 }));
    expect(() => readSettings(["--config", file], {})).toThrow(/config file .* is invalid/);
  });

  it("lists every setting, with its variable and default, in --help", () => {
    expect(readSettings(["--help"], {})).toEqual({ help: true });
    const help = helpText();
    for (const flag of [
      "--port",
      "--host",
      "--issuer",
      "--clients-file",
      "--personas-file",
      "--mode",
      "--persona",
      "--config",
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toContain("SIMULATOR_CLIENTS_FILE");
    expect(help).toContain("SIMULATOR_HOST, default 127.0.0.1");
  });

  it("will not pair a client with itself for asserted_login_identity", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const file = join(dir(), "clients.json");
    const entry = {
      clientId: "svc",
      redirectUris: ["http://localhost:8080/cb"],
      scopes: ["openid"],
      vectors: ["P9.Cp.Cd"],
      publicKey: pem,
    };
    writeFileSync(file, JSON.stringify({ clients: [entry] }));
    const [client] = await loadClientsFile(file);
    expect(client?.acceptsAssertedLoginIdentityFrom).toEqual([]);
    writeFileSync(
      file,
      JSON.stringify({ clients: [{ ...entry, acceptsAssertedLoginIdentityFrom: ["svc"] }] }),
    );
    await expect(
      startSimulator({
        port: 0,
        quiet: true,
        keysFile: false,
        localClient: false,
        clientsFile: file,
      }),
    ).rejects.toThrow(/cannot accept asserted_login_identity from itself/);
  });
});

describe("NHS numbers and vectors", () => {
  it("makes valid synthetic NHS numbers from the 999 range", () => {
    expect(syntheticNhsNumber(0)).toBe("9990000018");
    for (let serial = 0; serial < 50; serial += 1)
      expect(isValidNhsNumber(syntheticNhsNumber(serial))).toBe(true);
  });

  it("chooses the strongest satisfied vector, password and device first", () => {
    expect(chooseVot(["P5.Cm", "P5.Cp.Cd", "P9.Cm", "P9.Cp.Ck"], "P9")).toBe("P9.Cp.Ck");
    expect(chooseVot(["P5.Cm", "P5.Cp.Cd", "P9.Cm"], "P5")).toBe("P5.Cp.Cd");
    expect(chooseVot(["P9.Cp.Cd"], "P5")).toBeUndefined();
    expect(requestedVectors(undefined, KNOWN_VECTORS)).toEqual({
      ok: true,
      vectors: ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"],
    });
    expect(requestedVectors('["P5.Cm","P9.Cm"]', ["P9.Cm"])).toEqual({
      ok: false,
      reason: "vtr contains P5.Cm, which this client is not registered for",
    });
  });
});
