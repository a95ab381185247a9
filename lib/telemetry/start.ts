import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import {
  detectResources,
  resourceAttributesEnvDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
  serviceNameEnvDetector,
} from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  TracerProvider,
  type Span,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { currentRequestReference } from "../request-context";
import type { Closer } from "../shutdown";
import { ScrubbingExporter } from "./scrub";

/** The attribute that ties a span to the log lines and error page of the same request. */
export const REFERENCE_ATTRIBUTE = "portal.reference";

/** Puts the request's reference on every span started while handling it. */
class RequestReference implements SpanProcessor {
  onStart(span: Span): void {
    const reference = currentRequestReference();
    if (reference) span.setAttribute(REFERENCE_ATTRIBUTE, reference);
  }
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/**
 * Traces over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT), with the
 * exporter's other standard variables (headers, timeout, compression) and OTEL_SERVICE_NAME.
 * Next.js then traces every request, and the portal's own spans (calls to NHS login, to the
 * session store) join them. Loaded only when an endpoint is set: otherwise no SDK is loaded.
 */
export function startTelemetry(env: Record<string, string | undefined>): Closer {
  const resource = resourceFromAttributes({ "service.name": "nhs-login-patient-portal" }).merge(
    detectResources({
      detectors: [serviceInstanceIdDetector, resourceAttributesEnvDetector, serviceNameEnvDetector],
    }),
  );
  const provider = new TracerProvider({
    resource,
    spanProcessors: [
      new RequestReference(),
      new BatchSpanProcessor({
        exporter: new ScrubbingExporter(new OTLPTraceExporter()),
        ...(env.OTEL_BSP_SCHEDULE_DELAY
          ? { scheduledDelayMillis: Number(env.OTEL_BSP_SCHEDULE_DELAY) }
          : {}),
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return { name: "telemetry", close: () => provider.shutdown() };
}
