/**
 * A typed client for the simulator's control API, for end-to-end tests:
 *
 *   const control = new SimulatorControl(process.env.SIMULATOR_URL ?? "http://localhost:4000", {
 *     token: process.env.SIMULATOR_CONTROL_TOKEN,
 *   });
 *   const person = await control.createPersona("p9");
 *   await control.injectFault({ persona: person.id, fault: "id_token_wrong_nonce" });
 */
import type { FaultName } from "./faults";
import type { HeadlessSettings } from "./headless";
import type { PersonaDescription } from "./personas";

export type { FaultName, HeadlessSettings, PersonaDescription };

/**
 * The header every control call carries. A web page cannot send it to another origin without a
 * CORS preflight, which the simulator never grants, so no page the developer visits can drive
 * the control API.
 */
export const CONTROL_HEADER = "Simulator-Control";

export interface FaultRequest {
  fault: FaultName;
  /** A persona id: the fault spoils that person's next matching response. */
  persona?: string;
  /** A client id, or an API platform application's API key: its next matching response. */
  client?: string;
  /** For token_slow and the *_slow API faults: how long the answer waits (default 30 000 ms). */
  delayMs?: number;
}

export interface ArmedFaultDescription {
  id?: string;
  fault: FaultName;
  persona?: string;
  client?: string;
  delayMs?: number;
  /** For jwks_rotate: the new signing key's kid. */
  kid?: string;
}

export class SimulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SimulatorControlOptions {
  /** The control token, where the simulator needs one (an issuer on another machine, a proxy). */
  token?: string | undefined;
}

export class SimulatorControl {
  readonly #base: string;
  readonly #headers: Record<string, string>;

  constructor(issuer: string, options: SimulatorControlOptions = {}) {
    this.#base = issuer.replace(/\/+$/, "");
    this.#headers = {
      "content-type": "application/json",
      [CONTROL_HEADER]: "1",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    };
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.#base}/simulator${path}`, {
      method,
      headers: this.#headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      const text = await response.text();
      let description = text;
      try {
        description =
          (JSON.parse(text) as { error_description?: string }).error_description ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new SimulatorControlError(
        response.status,
        `simulator ${method} ${path} failed (${response.status}): ${description}`,
      );
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** Arms a fault for the next matching response (JWKS faults act at once, globally). */
  injectFault(request: FaultRequest): Promise<ArmedFaultDescription> {
    return this.#call("POST", "/faults", request);
  }

  listFaults(): Promise<{
    faults: ArmedFaultDescription[];
    jwksOutage: "unavailable" | "hang" | null;
  }> {
    return this.#call("GET", "/faults");
  }

  /** Disarms faults for one persona or client, leaving other tests' faults alone. */
  clearFaults(target: { persona?: string; client?: string }): Promise<void> {
    const query = new URLSearchParams(
      Object.entries(target).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
    return this.#call("DELETE", `/faults?${query.toString()}`);
  }

  /** A fresh person copied from a template persona (p0, p0-uplift, p5, p9, p9-im1, ...). */
  createPersona(template: string, id?: string): Promise<PersonaDescription> {
    return this.#call("POST", "/personas", id === undefined ? { template } : { template, id });
  }

  getPersona(id: string): Promise<PersonaDescription> {
    return this.#call("GET", `/personas/${encodeURIComponent(id)}`);
  }

  async listPersonas(): Promise<PersonaDescription[]> {
    return (await this.#call<{ personas: PersonaDescription[] }>("GET", "/personas")).personas;
  }

  /** Headless mode's settings: the mode, its default persona and its answers. */
  mode(): Promise<HeadlessSettings> {
    return this.#call("GET", "/mode");
  }

  /**
   * Changes headless mode's settings for every later request (persona null forgets the default
   * persona). Prefer a per-request login_hint in parallel runs.
   */
  setMode(
    settings: Partial<Omit<HeadlessSettings, "persona">> & { persona?: string | null },
  ): Promise<HeadlessSettings> {
    return this.#call("PUT", "/mode", settings);
  }

  /** Disarms every fault and ends any JWKS outage, for every test: prefer clearFaults in parallel runs. */
  reset(): Promise<void> {
    return this.#call("POST", "/reset");
  }
}
