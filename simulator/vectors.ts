/**
 * How NHS login reads `vtr` and chooses `vot`, on top of the portal's own list of vectors of trust
 * (lib/nhs-login/vectors.ts), so the two cannot drift apart.
 */
import {
  isVector,
  LEVELS,
  levelOfVector,
  levelRank,
  meetsLevel,
  type Level,
  type Vector,
} from "../lib/nhs-login/vectors";

export {
  KNOWN_VECTORS,
  LEVELS,
  isVector,
  meetsLevel,
  type Level,
  type Vector,
} from "../lib/nhs-login/vectors";

/** What NHS login assumes when a request has no `vtr`. */
export const DEFAULT_VTR: readonly Vector[] = ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"];

export type VtrResult = { ok: true; vectors: Vector[] } | { ok: false; reason: string };

/**
 * Parses `vtr` as NHS login does: one query value holding a JSON array of vector strings.
 * Checks it against the vectors the client registered.
 */
export function parseVtr(raw: unknown, registered: readonly Vector[]): VtrResult {
  let vectors: readonly unknown[];
  if (raw === undefined) {
    vectors = DEFAULT_VTR;
  } else {
    if (typeof raw !== "string") return { ok: false, reason: "vtr must be a single value" };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, reason: 'vtr must be a JSON array of strings, e.g. ["P9.Cp.Cd"]' };
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
      return { ok: false, reason: "vtr must be a non-empty JSON array" };
    }
    vectors = parsed;
  }
  const result: Vector[] = [];
  for (const vector of vectors) {
    if (!isVector(vector)) {
      return { ok: false, reason: `vtr contains an unknown vector: ${JSON.stringify(vector)}` };
    }
    if (!registered.includes(vector)) {
      return {
        ok: false,
        reason: `vtr contains ${vector}, which this client is not registered for`,
      };
    }
    if (!result.includes(vector)) result.push(vector);
  }
  return { ok: true, vectors: result };
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
