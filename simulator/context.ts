import type Provider from "oidc-provider";
import type { ApiPlatform } from "./api-platform";
import type { AssertedLoginIdentityVerifier } from "./asserted-login-identity";
import type { ClientRegistry } from "./clients";
import type { FaultStore } from "./faults";
import type { HeadlessSettings } from "./headless";
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
  /** The local API platform: its registered applications and the tokens it issued. */
  apiPlatform: ApiPlatform;
  /** Whether the control API answers callers other than this machine. */
  controlFromAnywhere: boolean;
  /** The token every control call must carry; undefined where the simulator needs none. */
  controlToken: string | undefined;
  /** The port the simulator listens on (the issuer's may differ behind a proxy or in Docker). */
  listenPort: number;
  /** Where the simulator reaches itself, e.g. http://127.0.0.1:4000. */
  ownOrigin: string;
  /** Headless mode and its answers; the control API changes them in place. */
  headless: HeadlessSettings;
  log(line: string): void;
}
