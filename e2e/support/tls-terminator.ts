import { request } from "node:http";
import { createServer, type Server } from "node:https";
import { localhostCertificate } from "../../test-support/tls-certificate";

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
