// oidc-provider ships without TypeScript declarations; this describes only what the simulator uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  import type Koa from "koa";

  export type Configuration = Record<string, unknown>;

  export interface InteractionSession {
    accountId: string;
    uid: string;
    cookie: string;
    acr?: string;
    amr?: string[];
  }

  export interface InteractionDetails {
    uid: string;
    returnTo: string;
    params: Record<string, unknown>;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    session?: InteractionSession;
    grantId?: string;
    /** When the interaction expires (seconds since the epoch). */
    exp: number;
    result?: InteractionResults;
    save(ttlSeconds: number): Promise<string>;
  }

  export interface InteractionResults {
    [key: string]: unknown;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface SessionInstance {
    accountId?: string;
    loginTs?: number;
    acr?: string;
    authorizations?: unknown;
    persist(): Promise<unknown>;
  }

  export interface AccessTokenInstance {
    jti: string;
    accountId: string;
    clientId: string;
    scope?: string;
    grantId: string;
    isExpired: boolean;
  }

  export class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    error_detail?: string;
    status: number;
    statusCode: number;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidRequest: new (description?: string) => OIDCProviderError;
    InvalidScope: new (description: string, scope?: string) => OIDCProviderError;
    InvalidClientAuth: new (detail?: string) => OIDCProviderError;
  };

  export type CheckResult = boolean;
  export type KoaContextWithOIDC = Koa.Context & { oidc: unknown };

  export interface CheckInstance {
    reason: string;
  }
  export interface PromptInstance {
    name: string;
    checks: CheckInstance[] & { add(check: CheckInstance, index?: number): void };
  }
  export interface Policy extends Array<PromptInstance> {
    get(name: string): PromptInstance | undefined;
  }

  export const interactionPolicy: {
    base(): Policy;
    Check: {
      new (
        reason: string,
        description: string,
        error: string,
        check: (ctx: KoaContextWithOIDC) => CheckResult | Promise<CheckResult>,
      ): CheckInstance;
      REQUEST_PROMPT: true;
      NO_NEED_TO_PROMPT: false;
    };
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly app: Koa;
    proxy: boolean;
    use(middleware: Koa.Middleware): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: never[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    Grant: new (properties: { accountId: string; clientId: string }) => GrantInstance;
    Session: { find(id: string): Promise<SessionInstance | undefined> };
    Interaction: { find(uid: string): Promise<InteractionDetails | undefined> };
    AccessToken: { find(value: string): Promise<AccessTokenInstance | undefined> };
  }
}
