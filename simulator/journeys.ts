/** Where each authorization request's journey has got to, by interaction id. */
import type { Vector } from "nhs-login-vocabulary";

export interface Journey {
  /** The request had prompt=none: never ask the person to log in. */
  silent: boolean;
  started: boolean;
  sub?: string;
  authTime?: number;
  /** Shown on the log in page, e.g. why an asserted_login_identity was not used. */
  notice?: string;
  personaFaultChecked: boolean;
  upliftFailed: boolean;
  createdAt: number;
}

/** What a finished journey proved, looked up by grant id when tokens are issued. */
export interface JourneyOutcome {
  vot: Vector;
  requested: Vector[];
  authTime: number;
}

const JOURNEY_LIFETIME_MS = 60 * 60 * 1000;

export class JourneyStore {
  readonly #journeys = new Map<string, Journey>();
  readonly #silent = new Set<string>();
  readonly #outcomes = new Map<string, JourneyOutcome>();

  markSilent(uid: string): void {
    this.#silent.add(uid);
  }

  get(uid: string): Journey {
    let journey = this.#journeys.get(uid);
    if (!journey) {
      this.#forgetOld();
      journey = {
        silent: this.#silent.delete(uid),
        started: false,
        personaFaultChecked: false,
        upliftFailed: false,
        createdAt: Date.now(),
      };
      this.#journeys.set(uid, journey);
    }
    return journey;
  }

  finish(uid: string): void {
    this.#journeys.delete(uid);
  }

  recordOutcome(grantId: string, outcome: JourneyOutcome): void {
    this.#outcomes.set(grantId, outcome);
  }

  outcome(grantId: string): JourneyOutcome | undefined {
    return this.#outcomes.get(grantId);
  }

  #forgetOld(): void {
    const cutoff = Date.now() - JOURNEY_LIFETIME_MS;
    for (const [uid, journey] of this.#journeys) {
      if (journey.createdAt < cutoff) this.#journeys.delete(uid);
    }
  }
}
