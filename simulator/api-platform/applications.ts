/**
 * Applications registered with the local API platform, as NHS England's developer onboarding
 * registers them: an API key, the public keys (a JWKS, each key with its `kid`) the application
 * signs client assertions with, a secret for refresh tokens, and the products it may call.
 */
import { readFileSync } from "node:fs";
import type { JWK } from "jose";
import { z } from "zod";
import { toPublicJwk } from "../clients";
import { ensureLocalKey } from "../local-client";

export interface ApiApplication {
  /** The application's API key: `iss` and `sub` of its client assertions, `client_id` on refresh. */
  apiKey: string;
  name: string;
  /** The JWKS registered for the application; a client assertion's `kid` must name one of them. */
  publicKeys: JWK[];
  /** The secret for `grant_type=refresh_token`; without one, refreshes are refused. */
  secret?: string;
  /** Product scopes; a token exchange grants those for the person's proofing level only. */
  scopes: string[];
}

/** The Personal Demographics Service's patient-access scopes, one per proofing level. */
export const PDS_PATIENT_SCOPES = ["P9", "P5", "P0"].map(
  (level) => `urn:nhsd:apim:user-nhs-login:${level}:personal-demographics-service`,
);

export const DEFAULT_LOCAL_API_KEY = "portal-local-api-key";
export const DEFAULT_LOCAL_API_KEY_FILE = ".local/nhs-api-private-key.pem";

export interface LocalApiApplicationOptions {
  keyFile: string;
  apiKey: string;
  /** The `kid` the portal puts in its client assertions; default the key's JWK thumbprint. */
  keyId?: string;
  secret?: string;
}

/** The portal's local application, registered from its own private key: no set-up needed. */
export async function localApiApplication(
  options: LocalApiApplicationOptions,
): Promise<ApiApplication> {
  ensureLocalKey(options.keyFile);
  let publicJwk: JWK;
  try {
    // Deriving the public key from the private PEM also proves the file is a usable key.
    publicJwk = await toPublicJwk(readFileSync(options.keyFile, "utf8"));
  } catch (error) {
    throw new Error(
      `${options.keyFile} ${error instanceof Error ? error.message : "is not a readable private key"}`,
    );
  }
  return {
    apiKey: options.apiKey,
    name: "Patient portal (local)",
    publicKeys: [options.keyId ? { ...publicJwk, kid: options.keyId } : publicJwk],
    ...(options.secret ? { secret: options.secret } : {}),
    scopes: [...PDS_PATIENT_SCOPES],
  };
}

const jwkSchema = z
  .object({ kty: z.string(), n: z.string(), e: z.string(), kid: z.string() })
  .loose();

const applicationEntry = z.strictObject({
  apiKey: z.string().regex(/^[A-Za-z0-9._-]{8,}$/, "8 or more letters, digits, '.', '_' or '-'"),
  name: z.string().min(1).optional(),
  jwks: z.strictObject({
    keys: z.array(jwkSchema, { message: "each key needs kty, n, e and kid" }).min(1),
  }),
  secret: z.string().min(16, "at least 16 characters").optional(),
  scopes: z.array(z.string().min(1)).min(1).optional(),
});

const applicationsFileSchema = z.strictObject({ applications: z.array(applicationEntry) });

/** Reads SIMULATOR_API_APPLICATIONS_FILE: `{ "applications": [ { "apiKey": ..., "jwks": ... } ] }`. */
export async function loadApiApplicationsFile(path: string): Promise<ApiApplication[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(
      `API applications file ${path}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const parsed = applicationsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`API applications file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const applications: ApiApplication[] = [];
  for (const [index, entry] of parsed.data.applications.entries()) {
    const keys: JWK[] = [];
    for (const [keyIndex, key] of entry.jwks.keys.entries()) {
      try {
        keys.push(await toPublicJwk(key as JWK));
      } catch (error) {
        throw new Error(
          `API applications file ${path} is invalid:\n✖ ${error instanceof Error ? error.message : error}\n  → at applications[${index}].jwks.keys[${keyIndex}]`,
        );
      }
    }
    applications.push({
      apiKey: entry.apiKey,
      name: entry.name ?? entry.apiKey,
      publicKeys: keys,
      ...(entry.secret ? { secret: entry.secret } : {}),
      scopes: entry.scopes ?? [...PDS_PATIENT_SCOPES],
    });
  }
  return applications;
}

export class ApiApplicationRegistry {
  readonly #applications = new Map<string, ApiApplication>();

  constructor(applications: ApiApplication[]) {
    for (const application of applications) {
      if (this.#applications.has(application.apiKey)) {
        throw new Error(`API key ${application.apiKey} is registered twice`);
      }
      this.#applications.set(application.apiKey, application);
    }
  }

  get(apiKey: string): ApiApplication | undefined {
    return this.#applications.get(apiKey);
  }

  all(): ApiApplication[] {
    return [...this.#applications.values()];
  }
}
