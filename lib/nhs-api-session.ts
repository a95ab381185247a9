/**
 * The portal's side of lib/nhs-api (which knows nothing of Next.js or of sessions): one client
 * per process, built from the configuration, and what each session keeps of the API platform in
 * its record on the server (lib/session), sealed, never in a cookie, gone when the session ends:
 *
 * - the person's platform token, renewed one request at a time across instances;
 * - whether their NHS record is restricted, once PDS has said (docs/decisions/0012).
 */
import { z } from "zod";
import { getConfig } from "./config";
import {
  createNhsApiClient,
  type NhsApiClient,
  type PlatformToken,
  type TokenSession,
} from "./nhs-api";
import type { Sessions } from "./session/sessions";

/** The part of the session store this module uses: the session's API slot and its lock. */
export type ApiSlot = Pick<Sessions, "readApiSlot" | "writeApiSlot" | "exclusive">;

const platformTokenSchema = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.number(),
  refreshToken: z.string().min(1).optional(),
  refreshExpiresAt: z.number().optional(),
}) satisfies z.ZodType<PlatformToken>;

/** What the slot holds. Anything else read back (an older shape, a fault) counts as empty. */
const slotSchema = z.object({
  token: platformTokenSchema.optional(),
  /** What PDS said at the last successful read of the person's record in this session. */
  restricted: z.boolean().optional(),
});
type SlotContent = z.infer<typeof slotSchema>;

export interface ApiSession {
  /** What lib/nhs-api needs to call an API as the person. */
  tokenSession: TokenSession;
  /** Whether the person's NHS record is restricted; undefined until PDS has said in this session. */
  restricted(): Promise<boolean | undefined>;
  rememberRestricted(restricted: boolean): Promise<void>;
}

function parse(content: Record<string, unknown> | undefined): SlotContent {
  const parsed = slotSchema.safeParse(content ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * `found` is the slot as this request's read of the session found it (`SessionState`), which
 * spares the first look a trip to the store; work under the lock always reads the store.
 */
export function apiSession(
  slot: ApiSlot,
  key: string,
  idToken: string,
  found?: { apiSlot: Record<string, unknown> | undefined },
): ApiSession {
  /** The content as this request last read or wrote it. */
  let seen: SlotContent | undefined;
  let snapshot = found && parse(found.apiSlot);

  async function read(): Promise<SlotContent> {
    seen = parse(await slot.readApiSlot(key));
    return seen;
  }

  /** The request's snapshot the first time, the store after. */
  async function look(): Promise<SlotContent> {
    if (!snapshot) return read();
    seen = snapshot;
    snapshot = undefined;
    return seen;
  }

  async function write(content: SlotContent): Promise<void> {
    const empty = content.token === undefined && content.restricted === undefined;
    await slot.writeApiSlot(key, empty ? undefined : content);
    seen = content;
  }

  return {
    tokenSession: {
      idToken,
      exclusive: (work) => slot.exclusive(key, work),
      tokens: {
        read: async () => (await look()).token,
        // Only ever called inside `exclusive` (lib/nhs-api), so nothing writes in between.
        write: async (token) => write({ ...(await read()), token }),
        // Called inside the lock and outside it (after a 401), so it cannot merge safely: it
        // forgets the restriction too, which only means PDS is asked again.
        clear: () => write({}),
      },
    },

    async restricted() {
      return (await look()).restricted;
    },

    async rememberRestricted(restricted) {
      if (seen?.restricted === restricted) return;
      await slot.exclusive(key, async () => {
        const current = await read();
        if (current.restricted !== restricted) await write({ ...current, restricted });
      });
    },
  };
}

let client: NhsApiClient | undefined;

/** The process's client for the API platform; without a configured platform, every call says so. */
export function nhsApi(): NhsApiClient {
  if (!client) {
    const { nhsApi: platform } = getConfig();
    client = createNhsApiClient(
      platform.status === "configured" ? platform.settings : { reason: platform.status },
    );
  }
  return client;
}
