/**
 * The control API's shared token. On this machine alone (a loopback issuer, no proxy) the
 * control API needs none. Behind a reverse proxy or sidecar every client arrives from loopback
 * with the public Host, so the simulator's other guards cannot tell them apart: there the token
 * is what shows a caller may change what the simulator answers.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Long enough that it cannot be guessed over the network. */
export const MIN_CONTROL_TOKEN_LENGTH = 16;

/** Headers that a proxy adds to say whom it forwards for: a request carrying one was proxied. */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "via",
];

export class ControlTokenError extends Error {}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

/** Whether browsers and services reach the simulator on this machine only. */
export function isLoopbackIssuer(issuer: string): boolean {
  const { hostname } = new URL(issuer);
  return hostname === "localhost" || isLoopback(hostname.replace(/^\[(.*)\]$/, "$1"));
}

export function isForwarded(headers: IncomingHttpHeaders): boolean {
  return FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
}

export interface ControlToken {
  /** Undefined: none configured, and the issuer is on this machine. */
  value: string | undefined;
  /** Made at start-up because the issuer is not on this machine: printed for the operator. */
  generated: boolean;
}

/** The configured token, or a fresh one when the issuer is reachable from other machines. */
export function controlTokenFor(configured: string | undefined, issuer: string): ControlToken {
  if (configured !== undefined) {
    if (configured.length < MIN_CONTROL_TOKEN_LENGTH) {
      throw new ControlTokenError(
        `--control-token (SIMULATOR_CONTROL_TOKEN) must be at least ${MIN_CONTROL_TOKEN_LENGTH} characters; make one with openssl rand -hex 24`,
      );
    }
    return { value: configured, generated: false };
  }
  if (isLoopbackIssuer(issuer)) return { value: undefined, generated: false };
  return { value: randomBytes(24).toString("hex"), generated: true };
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether `Authorization: Bearer <token>` carries the token, compared in constant time. */
export function carriesToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}
