import { portalReadiness } from "@/lib/health/portal-readiness";

/**
 * Readiness, for a load balancer: 200 while this instance can serve (`ok`, or `degraded` when
 * NHS login is down), 503 when it cannot (`unavailable`). The body names each check's state and
 * nothing else: no URL, setting or error message. See docs/deploying.md.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await portalReadiness();
  return Response.json(report, {
    status: report.status === "unavailable" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
