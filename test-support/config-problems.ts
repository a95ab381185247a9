import { ConfigError } from "../lib/config";

/** What start-up would refuse: the problems of a configuration that `load` checks, or none. */
export function configProblems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
