/**
 * NHS login's vocabulary: vectors of trust, levels, scopes and their claims, and NHS numbers.
 * The portal and the simulator both read it from here, so the two cannot drift apart.
 */
export * from "./nhs-number";
export * from "./scopes";
export * from "./vectors";
