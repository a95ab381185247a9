"""An NHS login client in Python's standard library alone, run against the packed simulator.

Usage: python3 python-client.py ISSUER CLIENT_ID REDIRECT_URI PRIVATE_JWK_FILE VTR SCOPE

It does what any NHS login client does: discovery, an authorization request (state, nonce,
PKCE, vtr), private_key_jwt RS512 at the token endpoint, checks on the ID token (its RS512
signature by kid from the JWKS, iss, aud, exp, nonce, vot), then userinfo; and it asks for two
refusals (consent declined, a vector the client is not registered for). It prints what it got as
JSON for the test to check.

The standard library has no RSA, so RS512 (RSASSA-PKCS1-v1_5 with SHA-512, RFC 8017 section 8.2)
is written out below from its definition. It is for this test only: a real service uses a
maintained JOSE library.
"""

import base64
import hashlib
import json
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# DER prefix of a SHA-512 DigestInfo (RFC 8017 section 9.2, note 1).
SHA512_DIGEST_INFO = bytes.fromhex("3051300d060960864801650304020305000440")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def as_int(text: str) -> int:
    return int.from_bytes(unb64url(text), "big")


def encoded_digest(message: bytes, length: int) -> int:
    digest_info = SHA512_DIGEST_INFO + hashlib.sha512(message).digest()
    padding = b"\xff" * (length - len(digest_info) - 3)
    return int.from_bytes(b"\x00\x01" + padding + b"\x00" + digest_info, "big")


def sign_rs512(message: bytes, jwk: dict) -> bytes:
    n, d = as_int(jwk["n"]), as_int(jwk["d"])
    length = (n.bit_length() + 7) // 8
    return pow(encoded_digest(message, length), d, n).to_bytes(length, "big")


def verify_rs512(message: bytes, signature: bytes, jwk: dict) -> bool:
    n, e = as_int(jwk["n"]), as_int(jwk["e"])
    length = (n.bit_length() + 7) // 8
    if len(signature) != length:
        return False
    return pow(int.from_bytes(signature, "big"), e, n) == encoded_digest(message, length)


def jwt(header: dict, claims: dict, jwk: dict) -> str:
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    return f"{signing_input}.{b64url(sign_rs512(signing_input.encode(), jwk))}"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def get_json(url: str, headers: dict | None = None) -> dict:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as response:
        return json.load(response)


def authorize(config: dict, params: dict) -> dict:
    """Sends the authorization request; returns the redirect's query parameters."""
    url = f"{config['authorization_endpoint']}?{urllib.parse.urlencode(params)}"
    try:
        OPENER.open(url)
    except urllib.error.HTTPError as redirect:
        location = redirect.headers.get("Location", "")
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))
    raise SystemExit("the authorization endpoint did not redirect")


def main() -> None:
    issuer, client_id, redirect_uri, key_file, vtr, scope = sys.argv[1:7]
    with open(key_file, encoding="utf-8") as file:
        key = json.load(file)
    config = get_json(f"{issuer}/.well-known/openid-configuration")
    assert config["issuer"] == issuer

    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    verifier = secrets.token_urlsafe(48)
    base = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope,
        "vtr": vtr,
        "state": state,
        "nonce": nonce,
        "code_challenge": b64url(hashlib.sha256(verifier.encode()).digest()),
        "code_challenge_method": "S256",
    }
    answer = authorize(config, base)
    assert answer.get("state") == state, answer

    now = int(time.time())
    assertion = jwt(
        {"alg": "RS512", "typ": "JWT", "kid": key["kid"]},
        {
            "iss": client_id,
            "sub": client_id,
            "aud": config["token_endpoint"],
            "jti": secrets.token_urlsafe(16),
            "iat": now,
            "exp": now + 60,
        },
        key,
    )
    form = urllib.parse.urlencode(
        {
            "grant_type": "authorization_code",
            "code": answer["code"],
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion,
        }
    ).encode()
    with urllib.request.urlopen(urllib.request.Request(config["token_endpoint"], data=form)) as response:
        tokens = json.load(response)

    header_part, claims_part, signature_part = tokens["id_token"].split(".")
    header = json.loads(unb64url(header_part))
    claims = json.loads(unb64url(claims_part))
    assert header["alg"] == "RS512", header
    keys = {jwk["kid"]: jwk for jwk in get_json(config["jwks_uri"])["keys"]}
    signed = f"{header_part}.{claims_part}".encode()
    assert verify_rs512(signed, unb64url(signature_part), keys[header["kid"]]), "bad signature"
    assert claims["iss"] == issuer and claims["aud"] == client_id, claims
    assert claims["nonce"] == nonce and claims["exp"] > time.time(), claims
    assert claims["vot"] in json.loads(vtr), claims

    userinfo = get_json(
        config["userinfo_endpoint"], {"Authorization": f"Bearer {tokens['access_token']}"}
    )

    def refusal(extra: dict) -> dict:
        fresh = {**base, **extra, "state": secrets.token_urlsafe(16)}
        return authorize(config, fresh)

    print(
        json.dumps(
            {
                "id_token": claims,
                "userinfo": userinfo,
                "declined": refusal({"simulator_consent": "decline"}),
                "wrong_vector": refusal({"vtr": '["P0.Cp"]'}),
            }
        )
    )


if __name__ == "__main__":
    main()
