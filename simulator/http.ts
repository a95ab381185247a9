/** Small helpers for the simulator's own routes on the Koa app oidc-provider runs on. */
import type { Context } from "koa";
import type { SafeHtml } from "./views/html";

const MAX_BODY_BYTES = 64 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readRaw(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An HTML form post (application/x-www-form-urlencoded), as every journey page sends. */
export async function readForm(ctx: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await readRaw(ctx));
}

export async function readJson(ctx: Context): Promise<unknown> {
  const raw = await readRaw(ctx);
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}

export function sendHtml(ctx: Context, body: SafeHtml, status = 200): void {
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.set("Cache-Control", "no-store");
  ctx.body = body.value;
}

export function sendJson(ctx: Context, body: unknown, status = 200): void {
  ctx.status = status;
  ctx.type = "application/json";
  ctx.set("Cache-Control", "no-store");
  ctx.body = JSON.stringify(body);
}

export function redirect(ctx: Context, location: string): void {
  // Koa turns a null body into 204, so the status is set after the (empty) body.
  ctx.set("Location", location);
  ctx.body = "";
  ctx.status = 303;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
