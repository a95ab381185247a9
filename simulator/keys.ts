import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { calculateJwkThumbprint, type JWK } from "jose";
import { z } from "zod";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
}

const rsaPrivateJwk = z
  .object({ kty: z.literal("RSA"), n: z.string(), e: z.string(), d: z.string() })
  .loose();

const keyFileSchema = z.object({
  signingKey: rsaPrivateJwk,
  nhsAppKey: rsaPrivateJwk,
});

function newRsaKey(): KeyObject {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
}

export async function toSigningKey(privateKey: KeyObject): Promise<SigningKey> {
  const publicKey = createPublicKey(privateKey);
  const exported = publicKey.export({ format: "jwk" }) as JWK;
  const kid = await calculateJwkThumbprint(exported, "sha256");
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty: exported.kty, n: exported.n, e: exported.e, kid, alg: "RS512", use: "sig" },
  };
}

function privateJwkOf(key: KeyObject): JWK {
  return key.export({ format: "jwk" }) as JWK;
}

/**
 * The simulator's own keys: the RS512 key it signs tokens with and the NHS App's client key.
 * Persisted (when a file is given) so a restart keeps issued tokens verifiable.
 */
export class KeyStore {
  #current: SigningKey;
  readonly #retired: SigningKey[] = [];
  readonly nhsApp: SigningKey;
  readonly #file: string | undefined;

  private constructor(current: SigningKey, nhsApp: SigningKey, file: string | undefined) {
    this.#current = current;
    this.nhsApp = nhsApp;
    this.#file = file;
  }

  static async open(file: string | undefined): Promise<KeyStore> {
    if (file && existsSync(file)) {
      let parsed;
      try {
        parsed = keyFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
      } catch (error) {
        throw new Error(
          `${file} is not a simulator key file (${error instanceof Error ? error.message : error}); delete it to generate new keys`,
        );
      }
      const signing = await toSigningKey(
        createPrivateKey({ key: parsed.signingKey, format: "jwk" }),
      );
      const nhsApp = await toSigningKey(createPrivateKey({ key: parsed.nhsAppKey, format: "jwk" }));
      return new KeyStore(signing, nhsApp, file);
    }
    const store = new KeyStore(
      await toSigningKey(newRsaKey()),
      await toSigningKey(newRsaKey()),
      file,
    );
    store.#save();
    return store;
  }

  get current(): SigningKey {
    return this.#current;
  }

  /** The keys relying parties may verify with: only the current one. */
  published(): JWK[] {
    return [this.#current.publicJwk];
  }

  /** Keys the simulator itself still accepts for its own access tokens. */
  find(kid: string): SigningKey | undefined {
    return [this.#current, ...this.#retired].find((key) => key.kid === kid);
  }

  async rotate(): Promise<SigningKey> {
    this.#retired.push(this.#current);
    this.#current = await toSigningKey(newRsaKey());
    this.#save();
    return this.#current;
  }

  #save(): void {
    if (!this.#file) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    const content = {
      signingKey: privateJwkOf(this.#current.privateKey),
      nhsAppKey: privateJwkOf(this.nhsApp.privateKey),
    };
    writeFileSync(this.#file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    chmodSync(this.#file, 0o600);
  }
}
