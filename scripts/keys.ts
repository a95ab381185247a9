import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { exportJWK } from "jose";
import { keyThumbprint, LOCAL_API_PRIVATE_KEY_FILE, LOCAL_PRIVATE_KEY_FILE } from "../lib/config";

/**
 * `npm run keys`: the two private keys a deployment needs, made if missing, and the public
 * halves to register: the NHS login client key (PEM and JWK, for NHS login's environment request
 * form) and the API platform application key (a JWKS with its `kid`, for NHS England's
 * developer onboarding).
 */
const { values } = parseArgs({
  options: {
    out: { type: "string", default: LOCAL_PRIVATE_KEY_FILE },
    "api-out": { type: "string", default: LOCAL_API_PRIVATE_KEY_FILE },
    kid: { type: "string" },
    force: { type: "boolean", default: false },
  },
});

function ensureKey(path: string, bits: number, what: string, reregister: string): void {
  if (existsSync(path) && !values.force) {
    console.error(
      `${path} already exists; it was not replaced. Its public key is below. ` +
        `To replace it (and ${reregister}), run npm run keys -- --force.`,
    );
    return;
  }
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  console.log(
    `Wrote a new ${bits}-bit RSA ${what} to ${path}. Keep it secret; git ignores .local/.`,
  );
}

const loginKey = values.out!;
ensureKey(loginKey, 2048, "NHS login client key", "re-register the new public key with NHS login");
const loginPublic = createPublicKey(readFileSync(loginKey, "utf8"));
console.log("\nNHS login client public key (PEM), for the NHS login environment request form:\n");
console.log(loginPublic.export({ type: "spki", format: "pem" }).toString().trim());
console.log("\nNHS login client public key (JWK):\n");
console.log(
  JSON.stringify({ ...(await exportJWK(loginPublic)), alg: "RS512", use: "sig" }, null, 2),
);

// NHS England's platform guidance asks for 4096-bit keys for signed JWT authentication.
const apiKeyFile = values["api-out"]!;
ensureKey(apiKeyFile, 4096, "API platform application key", "publish the new JWKS to the platform");
const apiPrivate = createPrivateKey(readFileSync(apiKeyFile, "utf8"));
const kid = values.kid ?? process.env.NHS_API_KEY_ID ?? keyThumbprint(apiPrivate);
const jwks = {
  keys: [{ ...(await exportJWK(createPublicKey(apiPrivate))), kid, alg: "RS512", use: "sig" }],
};
console.log("\nAPI platform application public key (JWKS), to register with your application:\n");
console.log(JSON.stringify(jwks, null, 2));
console.log(
  `\nSet NHS_API_PRIVATE_KEY_FILE=${apiKeyFile}${
    values.kid || process.env.NHS_API_KEY_ID ? ` and NHS_API_KEY_ID=${kid}` : ""
  } (the kid defaults to the key's thumbprint, ${keyThumbprint(apiPrivate)}).`,
);
