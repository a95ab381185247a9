import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const CERTIFICATE_DIR = ".local/test-tls";

export interface Certificate {
  keyFile: string;
  certFile: string;
  key: Buffer;
  /** Self-signed: also the CA that clients trust. */
  cert: Buffer;
}

/** A self-signed certificate for localhost and 127.0.0.1, made once with openssl. */
export function localhostCertificate(): Certificate {
  const keyFile = resolve(CERTIFICATE_DIR, "localhost-key.pem");
  const certFile = resolve(CERTIFICATE_DIR, "localhost-cert.pem");
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(CERTIFICATE_DIR, { recursive: true });
    const made = spawnSync(
      "openssl",
      [
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30"],
        ["-keyout", keyFile, "-out", certFile, "-subj", "/CN=localhost"],
        ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
      ].flat(),
      { stdio: "ignore" },
    );
    if (made.status !== 0) throw new Error("openssl could not make the test TLS certificate");
  }
  return { keyFile, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
