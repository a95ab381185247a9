import { generateKeyPairSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { toPublicJwk, type SimulatorClient } from "./clients";
import { KNOWN_VECTORS, type Scope } from "nhs-login-vocabulary";

export const DEFAULT_LOCAL_KEY_FILE = ".local/nhs-login-private-key.pem";
export const DEFAULT_LOCAL_CLIENT_ID = "portal-local";
export const DEFAULT_LOCAL_REDIRECT_URI = "http://localhost:3000/api/auth/callback/nhs-login";
export const NHS_APP_CLIENT_ID = "nhs-app";

/** The portal's registration: everything it needs and nothing it does not. */
export const PORTAL_SCOPES: readonly Scope[] = [
  "openid",
  "profile",
  "profile_extended",
  "email",
  "phone",
  "gp_registration_details",
  "gp_integration_credentials",
  "client_metadata",
];

/**
 * Makes sure the portal's local NHS login client key exists: a 2048-bit RSA key, PKCS#8 PEM,
 * readable only by its owner. Returns whether it had to be created.
 */
export function ensureLocalKey(path: string): { created: boolean } {
  if (existsSync(path)) return { created: false };
  mkdirSync(dirname(path), { recursive: true });
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" });
  writeFileSync(path, pem, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return { created: true };
}

export interface LocalClientOptions {
  keyFile: string;
  clientId: string;
  redirectUris: string[];
}

/** The portal's local client, registered from its own private key: no set-up needed. */
export async function localPortalClient(options: LocalClientOptions): Promise<SimulatorClient> {
  ensureLocalKey(options.keyFile);
  let publicJwk;
  try {
    // Deriving the public key from the private PEM also proves the file is a usable key.
    publicJwk = await toPublicJwk(readFileSync(options.keyFile, "utf8"));
  } catch (error) {
    throw new Error(
      `${options.keyFile} ${error instanceof Error ? error.message : "is not a readable private key"}`,
    );
  }
  return {
    clientId: options.clientId,
    name: "Patient portal (local)",
    redirectUris: options.redirectUris,
    scopes: [...PORTAL_SCOPES],
    vectors: [...KNOWN_VECTORS],
    publicKeys: [publicJwk],
    acceptsAssertedLoginIdentityFrom: [NHS_APP_CLIENT_ID],
    refreshTokens: false,
  };
}
