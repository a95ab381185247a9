import { afterEach, describe, expect, it, vi } from "vitest";
import { cookieCodec } from "./codec";

const secret = "s".repeat(32);

describe("cookie codec", () => {
  it("reads back what it wrote", async () => {
    const codec = cookieCodec(secret, "session");
    const token = codec.encode({ sub: "a", level: "P9" }, 60);
    expect(codec.decode(token)).toMatchObject({ sub: "a", level: "P9" });
  });

  it("does not reveal the payload", async () => {
    const token = cookieCodec(secret, "session").encode({ nhsNumber: "9434765919" }, 60);
    expect(Buffer.from(token.replace(/\./g, ""), "base64url").toString("latin1")).not.toContain(
      "9434765919",
    );
  });

  it("refuses a cookie made with another secret or for another purpose", async () => {
    const token = cookieCodec(secret, "session").encode({ sub: "a" }, 60);
    expect(cookieCodec("t".repeat(32), "session").decode(token)).toBeNull();
    expect(cookieCodec(secret, "sign-in").decode(token)).toBeNull();
  });

  it("refuses an edited cookie", async () => {
    const codec = cookieCodec(secret, "session");
    const token = codec.encode({ level: "P0" }, 60);
    const parts = token.split(".");
    const ciphertext = Buffer.from(parts[3]!, "base64url");
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[3] = ciphertext.toString("base64url");
    expect(codec.decode(parts.join("."))).toBeNull();
  });

  afterEach(() => vi.useRealTimers());

  it("writes standard compact JWE that a JOSE library reads", async () => {
    const { compactDecrypt } = await import("jose");
    const { hkdfSync } = await import("node:crypto");
    const key = new Uint8Array(
      hkdfSync("sha256", secret, "session", "NHS login portal cookie key (session)", 32),
    );
    const token = cookieCodec(secret, "session").encode({ sub: "a" }, 60);
    const { plaintext, protectedHeader } = await compactDecrypt(token, key);
    expect(protectedHeader).toEqual({ alg: "dir", enc: "A256GCM" });
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toMatchObject({ sub: "a" });
  });

  it("refuses a cookie whose header was changed", async () => {
    const token = cookieCodec(secret, "session").encode({ sub: "a" }, 60);
    const header = Buffer.from(JSON.stringify({ alg: "dir", enc: "A128GCM" })).toString(
      "base64url",
    );
    const forged = [header, ...token.split(".").slice(1)].join(".");
    expect(cookieCodec(secret, "session").decode(forged)).toBeNull();
  });

  it("refuses an expired cookie and garbage", async () => {
    const codec = cookieCodec(secret, "session");
    const token = codec.encode({ sub: "a" }, 60);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    expect(codec.decode(token)).toBeNull();
    expect(codec.decode("not.a.cookie")).toBeNull();
    expect(codec.decode("\u0000".repeat(5000))).toBeNull();
  });

  it("seals with the first secret and opens with any of the others, for a rotation", () => {
    const [old, next] = [secret, "n".repeat(32)];
    const sealedBefore = cookieCodec(old, "session").encode({ sub: "a" }, 60);
    const rotating = cookieCodec([next, old], "session");
    expect(rotating.decode(sealedBefore)).toMatchObject({ sub: "a" });
    const sealedAfter = rotating.encode({ sub: "b" }, 60);
    expect(cookieCodec(next, "session").decode(sealedAfter)).toMatchObject({ sub: "b" });
    expect(cookieCodec(old, "session").decode(sealedAfter)).toBeNull();
  });
});
