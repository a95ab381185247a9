/**
 * A local stand-in for NHS England's API platform, on the simulator's own address: the token
 * exchange that turns an NHS login ID token into an API access token, the Personal Demographics
 * Service (patient access) and the Organisation Data Service's FHIR API.
 */
import type { Middleware } from "koa";
import type { SimulatorContext } from "../context";
import {
  ApiApplicationRegistry,
  DEFAULT_LOCAL_API_KEY,
  DEFAULT_LOCAL_API_KEY_FILE,
  loadApiApplicationsFile,
  localApiApplication,
  type ApiApplication,
  type LocalApiApplicationOptions,
} from "./applications";
import { ODS_BASE_PATH, odsRoutes } from "./ods";
import { TOKEN_PATH, tokenEndpoint } from "./oauth";
import { PDS_BASE_PATH, pdsRoutes } from "./pds";
import { PlatformTokenStore, UsedAssertionIds } from "./tokens";

export { TOKEN_PATH, PDS_BASE_PATH, ODS_BASE_PATH };
export type { ApiApplication, LocalApiApplicationOptions };
export { DEFAULT_LOCAL_API_KEY, DEFAULT_LOCAL_API_KEY_FILE };
export { PDS_PATIENT_SCOPES } from "./applications";

export interface ApiPlatform {
  applications: ApiApplicationRegistry;
  tokens: PlatformTokenStore;
  assertions: UsedAssertionIds;
}

export interface ApiPlatformSettings {
  /**
   * The portal's zero-configuration application (API key `portal-local-api-key`, registered from
   * the public half of `.local/nhs-api-private-key.pem`, created if missing); false leaves it out.
   */
  localApplication?: Partial<LocalApiApplicationOptions> | false;
  /** More applications, in addition to any from applicationsFile. */
  applications?: ApiApplication[];
  applicationsFile?: string;
}

export async function createApiPlatform(options: ApiPlatformSettings = {}): Promise<ApiPlatform> {
  const applications: ApiApplication[] = [];
  if (options.localApplication !== false) {
    applications.push(
      await localApiApplication({
        keyFile: DEFAULT_LOCAL_API_KEY_FILE,
        apiKey: DEFAULT_LOCAL_API_KEY,
        ...options.localApplication,
      }),
    );
  }
  if (options.applicationsFile)
    applications.push(...(await loadApiApplicationsFile(options.applicationsFile)));
  applications.push(...(options.applications ?? []));
  return {
    applications: new ApiApplicationRegistry(applications),
    tokens: new PlatformTokenStore(),
    assertions: new UsedAssertionIds(),
  };
}

function under(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

export function apiPlatformRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.path === TOKEN_PATH) return tokenEndpoint(simulator, ctx);
    if (under(ctx.path, PDS_BASE_PATH)) return pdsRoutes(simulator, ctx);
    if (under(ctx.path, ODS_BASE_PATH)) return odsRoutes(simulator, ctx);
    return next();
  };
}
