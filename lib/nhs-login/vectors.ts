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

/** Parses a `vtr` value, returning null for anything that is not a non-empty list of known vectors. */
export function parseVtr(value: string): Vector[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isVector)) return null;
  return parsed;
}

/** The highest level among the registered vectors: what the client can ever ask for. */
export function highestLevel(vectors: readonly Vector[]): Level {
  return vectors.map(levelOfVector).reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a), "P0");
}
