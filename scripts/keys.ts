import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { exportJWK } from "jose";
import { LOCAL_PRIVATE_KEY_FILE } from "../lib/config";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: LOCAL_PRIVATE_KEY_FILE },
    force: { type: "boolean", default: false },
  },
});
const out = values.out!;

if (existsSync(out) && !values.force) {
  console.error(
    `${out} already exists; it was not replaced. Its public key is below. ` +
      `To replace it (and re-register the new public key with NHS login), run npm run keys -- --force.`,
  );
} else {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  console.log(
    `Wrote a new 2048-bit RSA private key to ${out}. Keep it secret; git ignores .local/.`,
  );
}

const publicKey = createPublicKey(readFileSync(out, "utf8"));
console.log("\nPublic key (PEM), for the NHS login environment request form:\n");
console.log(publicKey.export({ type: "spki", format: "pem" }).toString().trim());
console.log("\nPublic key (JWK):\n");
console.log(JSON.stringify({ ...(await exportJWK(publicKey)), alg: "RS512", use: "sig" }, null, 2));
