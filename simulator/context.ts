import type Provider from "oidc-provider";
import type { AssertedLoginIdentityVerifier } from "./asserted-login-identity";
import type { ClientRegistry } from "./clients";
import type { FaultStore } from "./faults";
import type { JourneyStore } from "./journeys";
import type { KeyStore } from "./keys";
import type { PersonaStore } from "./personas";
import type { IdTokenRegistry } from "./tokens";

/** Everything the simulator's routes share. */
export interface SimulatorContext {
  /** No trailing slash; every endpoint URL is built from it. */
  issuer: string;
  clients: ClientRegistry;
  personas: PersonaStore;
  keys: KeyStore;
  faults: FaultStore;
  idTokens: IdTokenRegistry;
  assertions: AssertedLoginIdentityVerifier;
  journeys: JourneyStore;
  provider: Provider;
  /** Whether the control API answers callers other than this machine. */
  controlFromAnywhere: boolean;
  log(line: string): void;
}
