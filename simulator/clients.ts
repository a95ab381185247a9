import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { calculateJwkThumbprint, type JWK } from "jose";
import { z } from "zod";
import { isScope, isVector, KNOWN_VECTORS, type Scope, type Vector } from "nhs-login-vocabulary";

/** A service registered with the simulator, as NHS login's onboarding would register it. */
export interface SimulatorClient {
  clientId: string;
  /** Shown to people on the consent page. */
  name: string;
  redirectUris: string[];
  scopes: Scope[];
  vectors: Vector[];
  /** RSA public keys the client signs client assertions and asserted_login_identity tokens with. */
  publicKeys: JWK[];
  /** Clients whose asserted_login_identity tokens this client may send (NHS login "pairing"). */
  acceptsAssertedLoginIdentityFrom: string[];
  /** Whether the token endpoint issues refresh tokens (30 days, rotating) to this client. */
  refreshTokens: boolean;
}

const MINIMUM_RSA_BITS = 2048;

/** A public key given as PEM (public key, certificate or even a private key) or as a JWK. */
export async function toPublicJwk(source: string | JWK): Promise<JWK> {
  let key: KeyObject;
  try {
    key =
      typeof source === "string"
        ? createPublicKey(source)
        : createPublicKey({ key: source as JsonWebKey, format: "jwk" });
  } catch {
    throw new Error("is not a readable RSA public key (PEM or JWK)");
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new Error(`is a ${key.asymmetricKeyType ?? "non-RSA"} key; NHS login needs RSA`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MINIMUM_RSA_BITS) {
    throw new Error(`is ${bits} bits; NHS login needs at least ${MINIMUM_RSA_BITS}`);
  }
  const exported = key.export({ format: "jwk" }) as JWK;
  const kid =
    typeof source !== "string" && source.kid
      ? source.kid
      : await calculateJwkThumbprint(exported, "sha256");
  return { kty: "RSA", n: exported.n, e: exported.e, kid, alg: "RS512", use: "sig" };
}

const jwkSchema = z.object({ kty: z.string(), n: z.string(), e: z.string() }).loose();

const clientFileEntry = z.strictObject({
  clientId: z.string().regex(/^[A-Za-z0-9._-]+$/, "only letters, digits, '.', '_' and '-'"),
  name: z.string().min(1).optional(),
  redirectUris: z
    .array(
      z.url().refine((uri) => !uri.includes("#") && !uri.includes("*"), {
        message: "must be an exact URL, without a fragment or wildcard",
      }),
    )
    .min(1)
    .max(10),
  scopes: z
    .array(z.string().refine(isScope, { message: "is not an NHS login scope" }))
    .refine((scopes) => scopes.includes("openid"), { message: "must include openid" })
    .refine((scopes) => !(scopes.includes("profile") && scopes.includes("basic_demographics")), {
      message: "profile and basic_demographics are never registered together",
    }),
  vectors: z
    .array(
      z.string().refine(isVector, {
        message: `is not a vector NHS login supports (${KNOWN_VECTORS.join(", ")})`,
      }),
    )
    .min(1),
  publicKey: z.union([z.string().includes("-----BEGIN"), jwkSchema], {
    message: "must be a PEM string or a JWK object",
  }),
  acceptsAssertedLoginIdentityFrom: z.array(z.string()).optional(),
  refreshTokens: z.boolean().optional(),
});

const clientFileSchema = z.strictObject({ clients: z.array(clientFileEntry) });

/** Reads SIMULATOR_CLIENTS_FILE: `{ "clients": [ { "clientId": ..., ... } ] }`. */
export async function loadClientsFile(path: string): Promise<SimulatorClient[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`clients file ${path}: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = clientFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`clients file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const clients: SimulatorClient[] = [];
  for (const [index, entry] of parsed.data.clients.entries()) {
    let key: JWK;
    try {
      key = await toPublicJwk(entry.publicKey as string | JWK);
    } catch (error) {
      throw new Error(
        `clients file ${path} is invalid:\n✖ publicKey ${error instanceof Error ? error.message : error}\n  → at clients[${index}].publicKey`,
      );
    }
    clients.push({
      clientId: entry.clientId,
      name: entry.name ?? entry.clientId,
      redirectUris: entry.redirectUris,
      scopes: entry.scopes as Scope[],
      vectors: entry.vectors as Vector[],
      publicKeys: [key],
      acceptsAssertedLoginIdentityFrom: entry.acceptsAssertedLoginIdentityFrom ?? [],
      refreshTokens: entry.refreshTokens ?? false,
    });
  }
  return clients;
}

export class ClientRegistry {
  readonly #clients = new Map<string, SimulatorClient>();

  constructor(clients: SimulatorClient[]) {
    for (const client of clients) {
      if (this.#clients.has(client.clientId)) {
        throw new Error(`client ${client.clientId} is registered twice`);
      }
      if (client.acceptsAssertedLoginIdentityFrom.includes(client.clientId)) {
        // Every service hands out asserted_login_identity tokens (the settings link): paired
        // with itself, one person's token would log anyone who opened it in as that person.
        throw new Error(
          `client ${client.clientId} cannot accept asserted_login_identity from itself; pair it with other clients only`,
        );
      }
      this.#clients.set(client.clientId, client);
    }
  }

  get(clientId: string): SimulatorClient | undefined {
    return this.#clients.get(clientId);
  }

  all(): SimulatorClient[] {
    return [...this.#clients.values()];
  }

  /** Clients that run authorization code flows (the NHS App client only asserts identities). */
  relyingParties(): SimulatorClient[] {
    return this.all().filter((client) => client.redirectUris.length > 0);
  }

  /** Whether `url` is on the same origin as some registered redirect URI. */
  isKnownServiceOrigin(url: URL): boolean {
    return this.all().some((client) =>
      client.redirectUris.some((uri) => new URL(uri).origin === url.origin),
    );
  }
}
