import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer, type Server } from "node:https";

const CERTIFICATE_DIR = ".local/e2e-tls";

/** A self-signed certificate for localhost, made once with openssl. */
function localhostCertificate(): { key: Buffer; cert: Buffer } {
  const key = `${CERTIFICATE_DIR}/localhost-key.pem`;
  const cert = `${CERTIFICATE_DIR}/localhost-cert.pem`;
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(CERTIFICATE_DIR, { recursive: true });
    const made = spawnSync(
      "openssl",
      [
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30"],
        ["-keyout", key, "-out", cert, "-subj", "/CN=localhost"],
        ["-addext", "subjectAltName=DNS:localhost"],
      ].flat(),
      { stdio: "inherit" },
    );
    if (made.status !== 0) throw new Error("openssl could not make the e2e TLS certificate");
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Terminates TLS in front of a portal instance, as a production load balancer does: the Host
 * header passes through unchanged and X-Forwarded-Proto says the request came over https.
 */
export function startTlsTerminator(publicPort: number, backendPort: number): Server {
  const server = createServer(localhostCertificate(), (incoming, outgoing) => {
    const upstream = request(
      {
        host: "localhost",
        port: backendPort,
        method: incoming.method,
        path: incoming.url,
        headers: {
          ...incoming.headers,
          "x-forwarded-proto": "https",
          "x-forwarded-for": incoming.socket.remoteAddress,
        },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.rawHeaders);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.headersSent || outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  return server.listen(publicPort);
}
