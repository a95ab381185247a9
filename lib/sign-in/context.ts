import { AsyncLocalStorage } from "node:async_hooks";
import type { SignInAttempt } from "./attempt";

/**
 * What the NHS login callback request carries, made available to next-auth's callbacks and
 * logger, which are not given the request: the sign-in it should complete and the reference
 * under which any failure is logged and shown.
 */
export interface CallbackContext {
  reference: string;
  attempt: SignInAttempt | null;
  /** The `state` NHS login returned. */
  state: string | null;
  /** Set when the failure was NHS login not answering rather than a refused answer. */
  unavailable?: boolean;
}

const storage = new AsyncLocalStorage<CallbackContext>();

export function runInCallbackContext<T>(context: CallbackContext, work: () => T): T {
  return storage.run(context, work);
}

export function callbackContext(): CallbackContext | undefined {
  return storage.getStore();
}
