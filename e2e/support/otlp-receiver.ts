import { createServer } from "node:http";

/** One attribute as OTLP/JSON writes it. */
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, string | number | boolean | undefined>;
}

/**
 * A small OpenTelemetry collector: takes OTLP/HTTP JSON trace exports on /v1/traces and keeps
 * them, both as sent (to search for anything that must not be there) and as flat spans.
 */
export async function startOtlpReceiver(origin: string) {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url === "/v1/traces") bodies.push(body);
      response.writeHead(request.url === "/v1/traces" ? 200 : 404, {
        "content-type": "application/json",
      });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(new URL(origin).port), resolve));

  function spans(): ReceivedSpan[] {
    return bodies.flatMap((body) =>
      (JSON.parse(body).resourceSpans ?? []).flatMap((resource: { scopeSpans?: unknown[] }) =>
        (resource.scopeSpans ?? []).flatMap((scope) =>
          ((scope as { spans?: Record<string, unknown>[] }).spans ?? []).map((span) => ({
            traceId: span.traceId as string,
            spanId: span.spanId as string,
            parentSpanId: (span.parentSpanId as string) || undefined,
            name: span.name as string,
            attributes: Object.fromEntries(
              ((span.attributes as OtlpAttribute[]) ?? []).map(({ key, value }) => [
                key,
                value.stringValue ?? value.intValue ?? value.boolValue,
              ]),
            ),
          })),
        ),
      ),
    );
  }

  return {
    /** Everything received, exactly as sent. */
    text: () => bodies.join("\n"),
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
