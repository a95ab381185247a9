import { z } from "zod";
import { fetchFromNhsLogin } from "./traced-fetch";

/** The parts of NHS login's discovery document the portal relies on. */
const metadataSchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url(),
  jwks_uri: z.url(),
});
export type NhsLoginMetadata = z.infer<typeof metadataSchema>;

export class NhsLoginUnavailableError extends Error {
  constructor(reason: string) {
    super(`NHS login is unavailable: ${reason}`);
    this.name = "NhsLoginUnavailableError";
  }
}

const CACHE_SECONDS = 60 * 60;
const cache = new Map<string, { metadata: NhsLoginMetadata; expires: number }>();
const fetching = new Map<string, Promise<NhsLoginMetadata>>();

/**
 * Reads the discovery document once an hour rather than on every sign-in. Sign-ins that need it
 * while it is being read wait for that one request, so an NHS login that does not answer is
 * asked once at a time, not once per person. A failure is not cached, so the portal recovers as
 * soon as NHS login answers again.
 */
export async function getNhsLoginMetadata(
  issuer: string,
  timeoutMs: number,
): Promise<NhsLoginMetadata> {
  const hit = cache.get(issuer);
  if (hit && hit.expires > Date.now()) return hit.metadata;
  let pending = fetching.get(issuer);
  if (!pending) {
    pending = fetchNhsLoginMetadata(issuer, timeoutMs)
      .then((metadata) => {
        cache.set(issuer, { metadata, expires: Date.now() + CACHE_SECONDS * 1000 });
        return metadata;
      })
      .finally(() => fetching.delete(issuer));
    fetching.set(issuer, pending);
  }
  return pending;
}

/** Reads the discovery document now, whatever is cached: whether NHS login answers at all. */
export async function fetchNhsLoginMetadata(
  issuer: string,
  timeoutMs: number,
): Promise<NhsLoginMetadata> {
  let response: Response;
  try {
    response = await fetchFromNhsLogin("discovery", `${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
  } catch (error) {
    throw new NhsLoginUnavailableError(
      error instanceof Error && error.name === "TimeoutError"
        ? "discovery timed out"
        : "discovery unreachable",
    );
  }
  if (!response.ok) throw new NhsLoginUnavailableError(`discovery answered ${response.status}`);
  const parsed = metadataSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new NhsLoginUnavailableError("discovery document is malformed");
  if (parsed.data.issuer !== issuer) {
    throw new NhsLoginUnavailableError("discovery names another issuer");
  }
  return parsed.data;
}
