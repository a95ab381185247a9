/** Where NHS login lives. The local environment is the simulator that ships with this repository. */

export const ENVIRONMENTS = ["local", "sandpit", "integration", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

interface EnvironmentEndpoints {
  issuer: string;
  /** The NHS login settings site, where a person manages their NHS login. */
  settingsUrl: string;
}

export const LOCAL_SIMULATOR_ISSUER = "http://localhost:4000";

export const ENVIRONMENT_ENDPOINTS: Record<Environment, EnvironmentEndpoints> = {
  local: { issuer: LOCAL_SIMULATOR_ISSUER, settingsUrl: `${LOCAL_SIMULATOR_ISSUER}/settings` },
  sandpit: {
    issuer: "https://auth.sandpit.signin.nhs.uk",
    settingsUrl: "https://settings.sandpit.signin.nhs.uk",
  },
  integration: {
    issuer: "https://auth.aos.signin.nhs.uk",
    settingsUrl: "https://settings.aos.signin.nhs.uk",
  },
  production: {
    issuer: "https://auth.login.nhs.uk",
    settingsUrl: "https://settings.login.nhs.uk",
  },
};

export function isEnvironment(value: string): value is Environment {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Plain http is only acceptable for an identity provider on this machine (the simulator). */
export function isAcceptableIssuerUrl(url: URL): boolean {
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}
