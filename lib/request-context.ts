import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import { newReference } from "./reference";

interface RequestContext {
  readonly reference: string;
}

interface Shared {
  storage: AsyncLocalStorage<RequestContext>;
  subscribed: boolean;
}

// Next.js bundles the proxy, the pages, the route handlers and the instrumentation hook apart,
// each with its own copy of this module; the store must be one per process for all of them.
const SHARED = Symbol.for("nhs-login-portal.request-context");
const shared: Shared = ((globalThis as { [SHARED]?: Shared })[SHARED] ??= {
  storage: new AsyncLocalStorage(),
  subscribed: false,
});

/**
 * Gives every request the server receives a reference of its own, from the moment it arrives:
 * Node.js announces each request on this channel just before handing it to Next.js, so the
 * proxy, the page or route handler and everything they call see the same one.
 */
export function giveEachRequestAReference(): void {
  if (shared.subscribed) return;
  shared.subscribed = true;
  subscribe("http.server.request.start", () => {
    shared.storage.enterWith({ reference: newReference() });
  });
}

/** The reference of the request being handled, if any. */
export function currentRequestReference(): string | undefined {
  return shared.storage.getStore()?.reference;
}

/**
 * The reference to show a person and to log: the request's own, so that every line logged while
 * handling it carries the same one; outside a request, a new one.
 */
export function requestReference(): string {
  return currentRequestReference() ?? newReference();
}

/** Runs work as one request with the given reference (for tests and work started outside HTTP). */
export function runAsRequest<T>(reference: string, work: () => T): T {
  return shared.storage.run({ reference }, work);
}
