/** Where the API platform is and how this application identifies itself to it. */
import type { KeyObject } from "node:crypto";

/** The application registered with NHS England's API platform (its "app" in developer onboarding). */
export interface PlatformApplication {
  /** The application's API key: `iss` and `sub` of its client assertions, `client_id` on refresh. */
  apiKey: string;
  /** The `kid` of the public key registered for the application (in its JWKS). */
  keyId: string;
  /** The RSA private key whose public half is registered; signs the client assertions (RS512). */
  privateKey: KeyObject;
  /** The application's secret; with it, tokens are renewed by refresh instead of a new exchange. */
  secret?: string;
}

export interface NhsApiSettings {
  /** The platform's base URL without a trailing slash, e.g. https://int.api.service.nhs.uk. */
  baseUrl: string;
  /** How long any one call may take before it is given up. */
  timeoutMs: number;
  /**
   * The registered application. The sandbox has none: its APIs take no token and no API key,
   * so nothing is exchanged there.
   */
  application?: PlatformApplication;
}

export const tokenUrl = (settings: NhsApiSettings) => `${settings.baseUrl}/oauth2/token`;
export const pdsBaseUrl = (settings: NhsApiSettings) =>
  `${settings.baseUrl}/personal-demographics/FHIR/R4`;
export const odsBaseUrl = (settings: NhsApiSettings) =>
  `${settings.baseUrl}/organisation-data-terminology-api/fhir`;
