import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

const tracer = trace.getTracer("nhs-login-patient-portal");

/**
 * Runs `work` in a span of its own, a child of the request's. With telemetry off no SDK is
 * loaded and this is OpenTelemetry's no-op API: a few function calls, nothing recorded. A failure
 * marks the span with the error's name only; messages may quote what must not leave the server.
 */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.name : "error",
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { SpanKind };
