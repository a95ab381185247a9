/**
 * Vectors of trust: what NHS login proves about a person (identity proofing level)
 * and how they authenticated (credentials), e.g. "P9.Cp.Cd".
 */

export const LEVELS = ["P0", "P5", "P9"] as const;
export type Level = (typeof LEVELS)[number];

/** The vectors NHS login supports; a client registers the subset it will use. */
export const KNOWN_VECTORS = [
  "P0.Cp",
  "P5.Cp.Cd",
  "P5.Cp.Ck",
  "P5.Cm",
  "P9.Cp.Cd",
  "P9.Cp.Ck",
  "P9.Cm",
] as const;
export type Vector = (typeof KNOWN_VECTORS)[number];

export function isVector(value: unknown): value is Vector {
  return typeof value === "string" && (KNOWN_VECTORS as readonly string[]).includes(value);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

export function levelOfVector(vector: Vector): Level {
  return vector.slice(0, 2) as Level;
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function meetsLevel(actual: Level, required: Level): boolean {
  return levelRank(actual) >= levelRank(required);
}

/**
 * The vectors to request for a sign-in that must prove at least `required`: every registered
 * vector at or above that level, so a person who is already verified higher is given the
 * higher level in one journey instead of being sent to uplift later.
 */
export function vectorsForLevel(required: Level, registered: readonly Vector[]): Vector[] {
  const vectors = registered.filter((vector) => meetsLevel(levelOfVector(vector), required));
  if (vectors.length === 0) {
    throw new Error(`No registered vector of trust reaches ${required}`);
  }
  return vectors;
}

/** The `vtr` authorization parameter: a JSON array sent as one string. */
export function formatVtr(vectors: readonly Vector[]): string {
  return JSON.stringify(vectors);
}

/** What NHS login assumes when an authorization request has no `vtr`. */
export const DEFAULT_VTR: readonly Vector[] = ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"];

export type VtrReading = { ok: true; vectors: Vector[] } | { ok: false; reason: string };

/**
 * Reads `vtr` as NHS login does: one query value holding a JSON array of known vectors, or
 * nothing (then DEFAULT_VTR). Repeated vectors count once.
 */
export function parseVtr(raw: unknown): VtrReading {
  if (raw === undefined) return { ok: true, vectors: [...DEFAULT_VTR] };
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
  const vectors: Vector[] = [];
  for (const vector of parsed) {
    if (!isVector(vector)) {
      return { ok: false, reason: `vtr contains an unknown vector: ${JSON.stringify(vector)}` };
    }
    if (!vectors.includes(vector)) vectors.push(vector);
  }
  return { ok: true, vectors };
}
