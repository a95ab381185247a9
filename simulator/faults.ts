/**
 * Fault injection: a fault is armed for one persona or one client and spoils the NEXT matching
 * response only, so tests running in parallel (each with its own persona) do not disturb each
 * other. JWKS faults are global and last until reset.
 */
import { randomUUID } from "node:crypto";

export const AUTHORIZE_FAULTS = [
  "authorize_access_denied",
  "authorize_server_error",
  "authorize_temporarily_unavailable",
  "authorize_sso_login_required",
  "authorize_invalid_scope",
] as const;

export const TOKEN_FAULTS = ["token_server_error", "token_invalid_grant", "token_slow"] as const;

export const ID_TOKEN_FAULTS = [
  "id_token_wrong_iss",
  "id_token_wrong_aud",
  "id_token_expired",
  "id_token_short_lived",
  "id_token_iat_in_future",
  "id_token_bad_signature",
  "id_token_alg_none",
  "id_token_hs512_public_key",
  "id_token_unknown_kid",
  "id_token_missing_nonce",
  "id_token_wrong_nonce",
  "id_token_unrequested_vot",
  "id_token_missing_vot",
  "id_token_missing_auth_time",
] as const;

export const USERINFO_FAULTS = [
  "userinfo_other_sub",
  "userinfo_unauthorized",
  "userinfo_server_error",
] as const;

/** The API platform's token endpoint (`/oauth2/token`): exchanges and refreshes. */
export const API_TOKEN_FAULTS = [
  "api_token_refused",
  "api_token_server_error",
  "api_token_slow",
] as const;

/** What can go wrong with a call to an API on the platform, as the platform answers. */
const API_CALL_FAULTS = [
  "unauthorized",
  "rate_limited",
  "server_error",
  "unavailable",
  "slow",
  "down",
] as const;
export type ApiCallFault = (typeof API_CALL_FAULTS)[number];

export const PDS_FAULTS = API_CALL_FAULTS.map((fault) => `pds_${fault}` as const);
export const ODS_FAULTS = API_CALL_FAULTS.map((fault) => `ods_${fault}` as const);

/** Global faults: rotation happens at once; the other two last until DELETE /simulator/faults. */
export const JWKS_FAULTS = ["jwks_rotate", "jwks_unavailable", "jwks_hang"] as const;

export type AuthorizeFault = (typeof AUTHORIZE_FAULTS)[number];
export type TokenFault = (typeof TOKEN_FAULTS)[number];
export type IdTokenFault = (typeof ID_TOKEN_FAULTS)[number];
export type UserinfoFault = (typeof USERINFO_FAULTS)[number];
export type JwksFault = (typeof JWKS_FAULTS)[number];
export type ApiTokenFault = (typeof API_TOKEN_FAULTS)[number];
export type PdsFault = (typeof PDS_FAULTS)[number];
export type OdsFault = (typeof ODS_FAULTS)[number];
export type TargetedFault =
  AuthorizeFault | TokenFault | IdTokenFault | UserinfoFault | ApiTokenFault | PdsFault | OdsFault;
export type FaultName = TargetedFault | JwksFault;

export const FAULT_NAMES: readonly FaultName[] = [
  ...AUTHORIZE_FAULTS,
  ...TOKEN_FAULTS,
  ...ID_TOKEN_FAULTS,
  ...USERINFO_FAULTS,
  ...API_TOKEN_FAULTS,
  ...PDS_FAULTS,
  ...ODS_FAULTS,
  ...JWKS_FAULTS,
];

export const DEFAULT_SLOW_TOKEN_DELAY_MS = 30_000;
/** The Retry-After (seconds) of a rate-limited or unavailable API answer. */
export const API_RETRY_AFTER_SECONDS = 5;

export type FaultStage =
  "authorize" | "token" | "id_token" | "userinfo" | "api_token" | "pds" | "ods";

function stageOf(fault: TargetedFault): FaultStage {
  if ((AUTHORIZE_FAULTS as readonly string[]).includes(fault)) return "authorize";
  if ((TOKEN_FAULTS as readonly string[]).includes(fault)) return "token";
  if ((ID_TOKEN_FAULTS as readonly string[]).includes(fault)) return "id_token";
  if ((API_TOKEN_FAULTS as readonly string[]).includes(fault)) return "api_token";
  if ((PDS_FAULTS as readonly string[]).includes(fault)) return "pds";
  if ((ODS_FAULTS as readonly string[]).includes(fault)) return "ods";
  return "userinfo";
}

/** "pds_rate_limited" → "rate_limited": what an armed API fault does, whichever API it is for. */
export function apiCallFaultOf(fault: TargetedFault): ApiCallFault | undefined {
  const match = /^(?:pds|ods)_(.+)$/.exec(fault)?.[1];
  return (API_CALL_FAULTS as readonly string[]).includes(match ?? "")
    ? (match as ApiCallFault)
    : undefined;
}

export function isJwksFault(fault: FaultName): fault is JwksFault {
  return (JWKS_FAULTS as readonly string[]).includes(fault);
}

export interface ArmedFault {
  id: string;
  fault: TargetedFault;
  persona?: string;
  client?: string;
  delayMs?: number;
}

export interface FaultTarget {
  /** Persona id (not sub). */
  persona?: string;
  client?: string;
}

export class FaultStore {
  #armed: ArmedFault[] = [];
  #jwksOutage: "unavailable" | "hang" | undefined;
  #outageEnded: Array<() => void> = [];

  arm(fault: Omit<ArmedFault, "id">): ArmedFault {
    const armed = { ...fault, id: randomUUID() };
    this.#armed.push(armed);
    return armed;
  }

  list(): ArmedFault[] {
    return [...this.#armed];
  }

  /**
   * Takes (and disarms) the first fault of `stage` whose persona and client (those it names)
   * match. `persona` is undefined before anyone has logged in, so persona faults wait till then.
   */
  take(stage: FaultStage, target: FaultTarget): ArmedFault | undefined {
    const index = this.#armed.findIndex(
      (armed) =>
        stageOf(armed.fault) === stage &&
        (armed.persona === undefined || armed.persona === target.persona) &&
        (armed.client === undefined || armed.client === target.client),
    );
    if (index === -1) return undefined;
    const [armed] = this.#armed.splice(index, 1);
    return armed;
  }

  /** Clears faults: all of them, or only those aimed at one persona or client. */
  clear(target: FaultTarget = {}): void {
    if (target.persona === undefined && target.client === undefined) {
      this.#armed = [];
      this.endJwksOutage();
      return;
    }
    this.#armed = this.#armed.filter(
      (armed) =>
        !(
          (target.persona !== undefined && armed.persona === target.persona) ||
          (target.client !== undefined && armed.client === target.client)
        ),
    );
  }

  startJwksOutage(kind: "unavailable" | "hang"): void {
    this.#jwksOutage = kind;
  }

  get jwksOutage(): "unavailable" | "hang" | undefined {
    return this.#jwksOutage;
  }

  /** Resolves when the JWKS outage is reset (used to hold hanging requests open). */
  waitForOutageEnd(): Promise<void> {
    return new Promise((resolve) => this.#outageEnded.push(resolve));
  }

  endJwksOutage(): void {
    this.#jwksOutage = undefined;
    const waiting = this.#outageEnded;
    this.#outageEnded = [];
    waiting.forEach((resolve) => resolve());
  }
}
