package org.beiqin.gateway.service;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

import org.beiqin.gateway.config.GatewayConfig;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * The gateway's RS256 key pair, read from configuration once. The key id is the public key's
 * RFC 7638 thumbprint, so it changes exactly when the key does.
 */
@ApplicationScoped
public class KeyMaterial {

    @Inject
    GatewayConfig config;

    private volatile PrivateKey privateKey;
    private volatile PublicJsonWebKey publicJwk;

    public PrivateKey privateKey() {
        if (privateKey == null) {
            try {
                privateKey = KeyUtils.decodePrivateKey(read(config.tokens().privateKeyLocation()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the token signing key at "
                        + config.tokens().privateKeyLocation(), e);
            }
        }
        return privateKey;
    }

    public String keyId() {
        return jwk().calculateBase64urlEncodedThumbprint("SHA-256");
    }

    /** The public key as a JSON Web Key Set, for services or an OIDC-style client to verify tokens. */
    public Map<String, Object> jwks() {
        PublicJsonWebKey jwk = jwk();
        Map<String, Object> key = new java.util.LinkedHashMap<>(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        key.put("kid", keyId());
        key.put("use", "sig");
        key.put("alg", "RS256");
        return Map.of("keys", java.util.List.of(key));
    }

    /** The public key as PEM (what {@code mp.jwt.verify.publickey.location} reads). */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(jwk().getPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private PublicJsonWebKey jwk() {
        if (publicJwk == null) {
            try {
                PublicKey key = KeyUtils.decodePublicKey(read(config.tokens().publicKeyLocation()));
                publicJwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the token public key at "
                        + config.tokens().publicKeyLocation(), e);
            }
        }
        return publicJwk;
    }

    private static String read(String location) throws java.io.IOException {
        String content = ResourceUtils.readResource(location);
        if (content == null) {
            throw new java.io.FileNotFoundException(location);
        }
        return content;
    }
}
