/** The tokens the simulator hands out, signed as NHS login signs them (RS512, key by `kid`). */
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { SignJWT, base64url, type JWTPayload } from "jose";
import type { Claims } from "./claims";
import type { IdTokenFault } from "./faults";
import type { KeyStore, SigningKey } from "./keys";
import { KNOWN_VECTORS, type Vector } from "nhs-login-vocabulary";

export const ID_TOKEN_TTL_SECONDS = 60 * 60;
export const ACCESS_TOKEN_TTL_SECONDS = 5 * 60;
/** An ID token near the end of its hour: good for a log-in, too close to expiry for an API token. */
const SHORT_LIVED_SECONDS = 20;

/** NHS login's trust mark URL for an issuer. */
export function trustmarkUrl(issuer: string): string {
  return `${issuer}/trustmark/${new URL(issuer).host}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

async function sign(payload: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS512", kid: key.kid, typ: "JWT" })
    .sign(key.privateKey);
}

function encodeSegment(value: object): string {
  return base64url.encode(JSON.stringify(value));
}

export interface IssuedIdToken {
  jti: string;
  clientId: string;
  sub: string;
  authTime: number;
  exp: number;
}

/**
 * The ID tokens this simulator issued, by `jti`: an asserted_login_identity token names one of
 * them as its `code`.
 */
export class IdTokenRegistry {
  readonly #tokens = new Map<string, IssuedIdToken>();

  record(token: IssuedIdToken): void {
    const now = nowSeconds();
    for (const [jti, issued] of this.#tokens) if (issued.exp < now) this.#tokens.delete(jti);
    this.#tokens.set(token.jti, token);
  }

  find(jti: string): IssuedIdToken | undefined {
    return this.#tokens.get(jti);
  }
}

export interface IdTokenInput {
  issuer: string;
  clientId: string;
  sub: string;
  nonce?: string;
  authTime: number;
  vot: Vector;
  requested: readonly Vector[];
  personClaims: Claims;
}

/** Mints an ID token, spoiled as `fault` says when one is armed. */
export async function mintIdToken(
  keys: KeyStore,
  input: IdTokenInput,
  fault?: IdTokenFault,
): Promise<{ token: string; issued: IssuedIdToken }> {
  let iat = nowSeconds();
  if (fault === "id_token_expired") iat -= 2 * ID_TOKEN_TTL_SECONDS;
  if (fault === "id_token_iat_in_future") iat += ID_TOKEN_TTL_SECONDS;
  const exp = iat + (fault === "id_token_short_lived" ? SHORT_LIVED_SECONDS : ID_TOKEN_TTL_SECONDS);
  const jti = randomUUID();

  const payload: JWTPayload = {
    iss: fault === "id_token_wrong_iss" ? "https://wrong-issuer.simulator.example" : input.issuer,
    sub: input.sub,
    aud: fault === "id_token_wrong_aud" ? "some-other-client" : input.clientId,
    exp,
    iat,
    jti,
    auth_time: input.authTime,
    vot: input.vot,
    vtm: trustmarkUrl(input.issuer),
    ...input.personClaims,
  };
  if (input.nonce !== undefined) payload.nonce = input.nonce;
  if (fault === "id_token_missing_nonce") delete payload.nonce;
  if (fault === "id_token_wrong_nonce") payload.nonce = randomUUID();
  if (fault === "id_token_missing_vot") delete payload.vot;
  if (fault === "id_token_missing_auth_time") delete payload.auth_time;
  if (fault === "id_token_unrequested_vot") {
    payload.vot = KNOWN_VECTORS.find((vector) => !input.requested.includes(vector)) ?? "P9.Ca.Cc";
  }

  const issued: IssuedIdToken = {
    jti,
    clientId: input.clientId,
    sub: input.sub,
    authTime: input.authTime,
    exp,
  };
  return { token: await signIdToken(keys, payload, fault), issued };
}

async function signIdToken(
  keys: KeyStore,
  payload: JWTPayload,
  fault: IdTokenFault | undefined,
): Promise<string> {
  const key = keys.current;
  switch (fault) {
    case "id_token_alg_none":
      return `${encodeSegment({ alg: "none" })}.${encodeSegment(payload)}.`;
    case "id_token_hs512_public_key": {
      // The classic algorithm-confusion attack: HMAC keyed with the published RSA public key.
      const input = `${encodeSegment({ alg: "HS512", kid: key.kid })}.${encodeSegment(payload)}`;
      const secret = key.publicKey.export({ type: "spki", format: "pem" });
      return `${input}.${createHmac("sha512", secret).update(input).digest("base64url")}`;
    }
    case "id_token_unknown_kid": {
      const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
      return new SignJWT(payload)
        .setProtectedHeader({ alg: "RS512", kid: `unknown-${randomUUID()}`, typ: "JWT" })
        .sign(stranger);
    }
    case "id_token_bad_signature": {
      const token = await sign(payload, key);
      const [header, body, signature = ""] = token.split(".");
      const bytes = base64url.decode(signature);
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      return `${header}.${body}.${base64url.encode(bytes)}`;
    }
    default:
      return sign(payload, key);
  }
}

export interface AccessTokenInput {
  issuer: string;
  clientId: string;
  sub: string;
  scope: string;
  vot: string | undefined;
  authTime: number | undefined;
  /** The identifier of the provider's own record of this grant, checked at /userinfo. */
  jti: string;
}

/** A 5-minute RS512 JWT, as NHS login's access tokens are. */
export async function mintAccessToken(keys: KeyStore, input: AccessTokenInput): Promise<string> {
  const iat = nowSeconds();
  const payload: JWTPayload = {
    iss: input.issuer,
    sub: input.sub,
    aud: input.clientId,
    client_id: input.clientId,
    scope: input.scope,
    token_use: "access",
    iat,
    exp: iat + ACCESS_TOKEN_TTL_SECONDS,
    jti: input.jti,
  };
  if (input.vot) Object.assign(payload, { vot: input.vot, vtm: trustmarkUrl(input.issuer) });
  if (input.authTime) payload.auth_time = input.authTime;
  return sign(payload, keys.current);
}
