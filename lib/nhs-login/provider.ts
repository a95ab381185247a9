import { customFetch } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import type { NhsLoginMetadata } from "./metadata";
import type { UserInfo } from "./claims";
import { fetchFromNhsLogin } from "./traced-fetch";

export interface NhsLoginProviderOptions {
  clientId: string;
  /** The client's RSA key as an RS512 signing key, for private_key_jwt. */
  signingKey: CryptoKey;
  metadata: NhsLoginMetadata;
  scopes: readonly string[];
  /** NHS login does not document PKCE for confidential clients; on by default, can be switched off. */
  pkce?: boolean;
  /** Every call to NHS login gives up after this long. */
  timeoutMs: number;
}

export const NHS_LOGIN_PROVIDER_ID = "nhs-login";

/**
 * A next-auth (Auth.js) provider for NHS login: authorization code flow, private_key_jwt (RS512),
 * nonce and PKCE. `state` is the portal's own: each sign-in attempt is found by it (see
 * lib/sign-in/attempts.ts), so next-auth is not asked to check it a second time. Endpoints come
 * from discovery, read by the caller, so that next-auth makes no discovery request of its own on
 * each sign-in. The ID token's signature and `vot` are verified by the caller (next-auth checks
 * only its claims), and userinfo is fetched here so that its `sub` is checked against the ID
 * token's.
 */
export function NhsLogin(options: NhsLoginProviderOptions): OIDCConfig<UserInfo> {
  const { metadata } = options;
  return {
    id: NHS_LOGIN_PROVIDER_ID,
    name: "NHS login",
    type: "oidc",
    issuer: metadata.issuer,
    clientId: options.clientId,
    client: {
      token_endpoint_auth_method: "private_key_jwt",
      id_token_signed_response_alg: "RS512",
    },
    authorization: {
      url: metadata.authorization_endpoint,
      params: { scope: options.scopes.join(" "), response_type: "code" },
    },
    token: { url: metadata.token_endpoint, clientPrivateKey: options.signingKey },
    userinfo: { url: metadata.userinfo_endpoint },
    checks: options.pkce === false ? ["nonce"] : ["nonce", "pkce"],
    idToken: false,
    profile: (profile) => ({ id: profile.sub }),
    [customFetch]: (input: RequestInfo | URL, init?: RequestInit) =>
      fetchFromNhsLogin(
        String(input instanceof Request ? input.url : input) === metadata.userinfo_endpoint
          ? "userinfo"
          : "token",
        input,
        { ...init, signal: AbortSignal.timeout(options.timeoutMs) },
      ),
  };
}
