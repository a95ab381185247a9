import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { apiPlatformRoutes, createApiPlatform, type ApiPlatformSettings } from "./api-platform";
import { AssertedLoginIdentityVerifier } from "./asserted-login-identity";
import { ClientRegistry, loadClientsFile, type SimulatorClient } from "./clients";
import { controlTokenFor } from "./control-token";
import type { SimulatorContext } from "./context";
import { FaultStore } from "./faults";
import { headlessSettings, type HeadlessSettings, type Mode } from "./headless";
import { JourneyStore } from "./journeys";
import { KeyStore } from "./keys";
import {
  DEFAULT_LOCAL_CLIENT_ID,
  DEFAULT_LOCAL_KEY_FILE,
  DEFAULT_LOCAL_REDIRECT_URI,
  NHS_APP_CLIENT_ID,
  localPortalClient,
} from "./local-client";
import { PersonaStore, type PersonaInput } from "./personas";
import { loadPersonasFile } from "./personas-file";
import { createProvider } from "./provider";
import { authorizeRoutes } from "./routes/authorize";
import { controlRoutes } from "./routes/control";
import { discoveryRoutes } from "./routes/discovery";
import { interactionRoutes } from "./routes/interaction";
import { nhsAppRoutes } from "./routes/nhs-app";
import { assetRoutes, errorHandling, homeRoutes, notFound } from "./routes/pages";
import { settingsRoutes } from "./routes/settings";
import { tokenRoutes } from "./routes/token";
import { userinfoRoutes } from "./routes/userinfo";
import { IdTokenRegistry } from "./tokens";
import { SIMULATOR_NOTICE } from "./views/layout";

export const DEFAULT_PORT = 4000;
/** Loopback only: the control API and the NHS App page must not be offered to the network. */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_KEYS_FILE = ".local/simulator-keys.json";

export interface LocalClientSettings {
  /** The portal's private key (PKCS#8 PEM); created if missing. */
  keyFile?: string;
  clientId?: string;
  redirectUris?: string[];
}

export interface SimulatorOptions {
  /** 0 picks a free port. Default 4000. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (this machine only). "0.0.0.0" in a container. */
  host?: string;
  /**
   * Answer the control API from any address, not only from this machine: for tests that run in
   * another container on a private network. Default false.
   */
  controlFromAnywhere?: boolean;
  /**
   * The token the control API needs (at least 16 characters), sent as `Authorization: Bearer`.
   * Without one, a token is made and printed when the issuer is not a loopback address.
   */
  controlToken?: string;
  /** Issuer and base URL, no trailing slash. Default http://localhost:<port>. */
  issuer?: string;
  /** The portal's zero-configuration client; false leaves it out. */
  localClient?: LocalClientSettings | false;
  /** More clients, in addition to any from clientsFile. */
  clients?: SimulatorClient[];
  clientsFile?: string;
  /** More personas, in addition to the built-in ones and any from personasFile. */
  personas?: PersonaInput[];
  personasFile?: string;
  /** The local API platform's registered applications. */
  apiPlatform?: ApiPlatformSettings;
  /** Where the simulator's own keys persist; false keeps them in memory only. */
  keysFile?: string | false;
  /** "headless": /authorize answers at once, with no pages. Default "interactive". */
  mode?: Mode;
  /** Headless mode's default persona and answers (the control API can change them). */
  headless?: Partial<Omit<HeadlessSettings, "mode">>;
  /** No start-up lines or logs. */
  quiet?: boolean;
  /** Where log lines go; default console.log. */
  log?: (line: string) => void;
}

export interface RunningSimulator {
  issuer: string;
  port: number;
  /** The token the control API needs, if it needs one. */
  controlToken: string | undefined;
  close(): Promise<void>;
}

export class ProductionRefusedError extends Error {}

function refuseProduction(): void {
  if (process.env.NODE_ENV === "production" && process.env.SIMULATOR_ALLOW_PRODUCTION !== "true") {
    throw new ProductionRefusedError(
      "The NHS login simulator will not start with NODE_ENV=production. It is not NHS login. " +
        "Set SIMULATOR_ALLOW_PRODUCTION=true only if you really mean to run it there.",
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Where the simulator can reach itself: its own address, or loopback when it listens on all. */
function ownOrigin(address: AddressInfo): string {
  const any = address.address === "0.0.0.0" || address.address === "::";
  const host = any ? "127.0.0.1" : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  refuseProduction();
  // Without an issuer of its own the simulator is http://localhost:<port>: on this machine.
  const controlToken = controlTokenFor(options.controlToken, options.issuer ?? "http://localhost");
  const log = options.quiet ? () => {} : (options.log ?? ((line: string) => console.log(line)));

  const keys = await KeyStore.open(
    options.keysFile === false ? undefined : (options.keysFile ?? DEFAULT_KEYS_FILE),
  );
  const clientList: SimulatorClient[] = [];
  if (options.localClient !== false) {
    const settings = options.localClient ?? {};
    clientList.push(
      await localPortalClient({
        keyFile: settings.keyFile ?? DEFAULT_LOCAL_KEY_FILE,
        clientId: settings.clientId ?? DEFAULT_LOCAL_CLIENT_ID,
        redirectUris: settings.redirectUris ?? [DEFAULT_LOCAL_REDIRECT_URI],
      }),
    );
  }
  clientList.push({
    clientId: NHS_APP_CLIENT_ID,
    name: "NHS App",
    redirectUris: [],
    scopes: ["openid"],
    vectors: ["P9.Cp.Cd"],
    publicKeys: [keys.nhsApp.publicJwk],
    acceptsAssertedLoginIdentityFrom: [],
    refreshTokens: false,
  });
  if (options.clientsFile) clientList.push(...(await loadClientsFile(options.clientsFile)));
  clientList.push(...(options.clients ?? []));
  const clients = new ClientRegistry(clientList);

  const personas = new PersonaStore();
  const extraPersonas = [
    ...(options.personasFile ? loadPersonasFile(options.personasFile) : []),
    ...(options.personas ?? []),
  ];
  for (const persona of extraPersonas) personas.add(persona);
  const headless = headlessSettings({ mode: options.mode, ...options.headless });
  if (headless.persona && !personas.get(headless.persona)) {
    throw new Error(`the headless persona ${headless.persona} is not a persona of this simulator`);
  }

  const server = createServer();
  const address = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST);
  const port = address.port;
  const issuer = (options.issuer ?? `http://localhost:${port}`).replace(/\/+$/, "");

  const idTokens = new IdTokenRegistry();
  const faults = new FaultStore();
  const shared = {
    issuer,
    clients,
    personas,
    keys,
    faults,
    idTokens,
    journeys: new JourneyStore(),
    assertions: new AssertedLoginIdentityVerifier(clients, idTokens),
    controlFromAnywhere: options.controlFromAnywhere === true,
    controlToken: controlToken.value,
    listenPort: port,
    ownOrigin: ownOrigin(address),
    headless,
    apiPlatform: await createApiPlatform(options.apiPlatform),
    log,
  };
  const provider = createProvider(shared);
  const simulator: SimulatorContext = { ...shared, provider };

  provider.on("server_error", (_ctx: unknown, error: Error) =>
    log(`oidc-provider error: ${error.message}`),
  );
  provider.on("grant.error", (_ctx: unknown, error: { error?: string; error_detail?: string }) => {
    if (error.error_detail)
      log(`Token request refused: ${error.error ?? "error"} (${error.error_detail})`);
  });

  for (const middleware of [
    errorHandling(simulator),
    notFound(),
    assetRoutes(),
    homeRoutes(simulator),
    discoveryRoutes(simulator),
    controlRoutes(simulator),
    authorizeRoutes(simulator),
    tokenRoutes(simulator),
    userinfoRoutes(simulator),
    interactionRoutes(simulator),
    settingsRoutes(simulator),
    nhsAppRoutes(simulator),
    apiPlatformRoutes(simulator),
  ]) {
    provider.use(middleware);
  }
  server.on("request", provider.callback());

  log(
    `NHS login simulator listening on ${issuer} (${address.address} port ${port}, Node.js ${process.version})`,
  );
  if (headless.mode === "headless") {
    log(
      `Headless: /authorize answers at once for ${headless.persona ?? "the persona in login_hint"}; consent ${headless.consent}, uplift ${headless.uplift}`,
    );
  }
  log(`${SIMULATOR_NOTICE.toUpperCase()}: for development and tests only.`);
  if (controlToken.generated) {
    log(
      `Control API token, as the issuer is not on this machine (send Authorization: Bearer <token>; set --control-token to choose one): ${controlToken.value}`,
    );
  }
  log(
    `Clients: ${clients
      .all()
      .map((client) => client.clientId)
      .join(", ")}`,
  );
  log(
    `Personas: ${personas
      .all()
      .map((persona) => persona.id)
      .join(", ")} (password: "password")`,
  );

  return {
    issuer,
    port,
    controlToken: controlToken.value,
    close: () =>
      new Promise<void>((resolve, reject) => {
        faults.endJwksOutage();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
