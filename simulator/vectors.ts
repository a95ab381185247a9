/** How NHS login checks a request's `vtr` against a client and chooses the `vot` it returns. */
import {
  LEVELS,
  levelOfVector,
  levelRank,
  meetsLevel,
  parseVtr,
  type Level,
  type Vector,
  type VtrReading,
} from "nhs-login-vocabulary";

/** Reads `vtr` and checks every vector in it is one the client registered. */
export function requestedVectors(raw: unknown, registered: readonly Vector[]): VtrReading {
  const reading = parseVtr(raw);
  if (!reading.ok) return reading;
  const unregistered = reading.vectors.find((vector) => !registered.includes(vector));
  if (unregistered) {
    return {
      ok: false,
      reason: `vtr contains ${unregistered}, which this client is not registered for`,
    };
  }
  return reading;
}

/** The lowest level among the requested vectors: what a person must reach to continue. */
export function lowestRequestedLevel(requested: readonly Vector[]): Level {
  const ranks = requested.map((vector) => levelRank(levelOfVector(vector)));
  return LEVELS[Math.min(...ranks)] ?? "P9";
}

const CREDENTIAL_PREFERENCE = ["Cp.Cd", "Cp.Ck", "Cm", "Cp"] as const;

function credentialRank(vector: Vector): number {
  const credentials = vector.slice(3);
  const index = (CREDENTIAL_PREFERENCE as readonly string[]).indexOf(credentials);
  return index === -1 ? CREDENTIAL_PREFERENCE.length : index;
}

/**
 * The `vot` for a person at `level`: the strongest requested vector they satisfy (P9 over P5
 * over P0); among equals, a password plus a registered device (Cp.Cd), as most people log in.
 */
export function chooseVot(requested: readonly Vector[], level: Level): Vector | undefined {
  const satisfied = requested.filter((vector) => meetsLevel(level, levelOfVector(vector)));
  satisfied.sort(
    (a, b) =>
      levelRank(levelOfVector(b)) - levelRank(levelOfVector(a)) ||
      credentialRank(a) - credentialRank(b),
  );
  return satisfied[0];
}
