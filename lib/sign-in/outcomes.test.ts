import { describe, expect, it } from "vitest";
import { codeForNhsLoginError, isNhsLoginError } from "./outcomes";

describe("codeForNhsLoginError", () => {
  it("words NHS login's own errors for the person", () => {
    expect(codeForNhsLoginError("temporarily_unavailable", false)).toBe("unavailable");
    expect(codeForNhsLoginError("server_error", false)).toBe("unavailable");
    expect(codeForNhsLoginError("sso_login_required", false)).toBe("login_required");
    expect(codeForNhsLoginError("invalid_scope", false)).toBe("invalid_scope");
    expect(codeForNhsLoginError("invalid_request", false)).toBe("refused");
  });

  it("tells a refused uplift from a refused log-in", () => {
    expect(codeForNhsLoginError("access_denied", false)).toBe("access_denied");
    expect(codeForNhsLoginError("access_denied", true)).toBe("uplift_not_completed");
    expect(codeForNhsLoginError("login_required", true)).toBe("login_required");
  });

  it("reads anything else, including inherited property names, as refused", () => {
    for (const error of ["", "made_up", "constructor", "__proto__", "toString"]) {
      expect(codeForNhsLoginError(error, true)).toBe("refused");
      expect(isNhsLoginError(error)).toBe(false);
    }
  });
});
