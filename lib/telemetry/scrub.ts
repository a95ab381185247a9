import type { Attributes, AttributeValue } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import { isSensitiveName, scrubText, WITHHELD } from "../personal-data";

function scrubValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) {
    return value.map((item) =>
      typeof item === "string" ? scrubText(item) : item,
    ) as AttributeValue;
  }
  return value;
}

/** OpenTelemetry's names for the server a request went to: a host, never a person. */
const HOST_ATTRIBUTES = new Set(["server.address", "net.peer.name", "net.host.name", "url.domain"]);

function isSensitiveAttribute(key: string): boolean {
  if (HOST_ATTRIBUTES.has(key)) return false;
  return isSensitiveName(key) || isSensitiveName(key.slice(key.lastIndexOf(".") + 1));
}

/**
 * An attribute is withheld when its name, or the last part of a dotted name
 * (`http.request.header.cookie`, `user.email`), is one the portal never exports; any text in
 * the others is scrubbed.
 */
export function scrubAttributes(attributes: Attributes): Attributes {
  const scrubbed: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    scrubbed[key] = isSensitiveAttribute(key) ? WITHHELD : scrubValue(value);
  }
  return scrubbed;
}

/**
 * The span as it may leave the server. Next.js names spans and sets attributes from the request
 * URL (`GET /api/auth/callback/nhs-login?code=…`, `http.target`, a fetch's `http.url`), and an
 * exception event quotes its error's message: each name, attribute, event and status message is
 * scrubbed with the same rules as the logs (lib/personal-data.ts).
 */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: scrubText(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: {
      code: span.status.code,
      ...(span.status.message ? { message: scrubText(span.status.message) } : {}),
    },
    attributes: scrubAttributes(span.attributes),
    links: span.links.map((link) => ({
      ...link,
      ...(link.attributes ? { attributes: scrubAttributes(link.attributes) } : {}),
    })),
    events: span.events.map((event) => ({
      ...event,
      name: scrubText(event.name),
      ...(event.attributes ? { attributes: scrubAttributes(event.attributes) } : {}),
    })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Hands the exporter only scrubbed spans. */
export class ScrubbingExporter implements SpanExporter {
  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter["export"]>[1]): void {
    this.exporter.export(spans.map(scrubSpan), done);
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}
