package org.beiqin.gateway.service;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

import org.beiqin.gateway.config.GatewayConfig;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * The gateway's RS256 key pair, read from configuration once at start, so a missing or unreadable
 * key stops the gateway with its location instead of failing the first sign-in. The key id is
 * the public key's RFC 7638 thumbprint, so it changes exactly when the key does.
 */
@Startup
@ApplicationScoped
public class KeyMaterial {

    @Inject
    GatewayConfig config;

    private PrivateKey privateKey;
    private PublicJsonWebKey publicJwk;
    private String keyId;

    @PostConstruct
    void load() {
        String privateLocation = config.tokens().privateKeyLocation();
        String publicLocation = config.tokens().publicKeyLocation();
        try {
            privateKey = KeyUtils.decodePrivateKey(read(privateLocation));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the token signing key at " + privateLocation, e);
        }
        try {
            publicJwk = PublicJsonWebKey.Factory.newPublicJwk(KeyUtils.decodePublicKey(read(publicLocation)));
            keyId = publicJwk.calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the token public key at " + publicLocation, e);
        }
    }

    /** PEM text from a {@code file:} location or the class path (KeyUtils' own readers take only the class path). */
    private static String read(String location) throws IOException {
        String content = ResourceUtils.readResource(location);
        if (content == null) {
            throw new FileNotFoundException(location);
        }
        return content;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a JSON Web Key Set, for services or an OIDC-style client to verify tokens. */
    public Map<String, Object> jwks() {
        Map<String, Object> key = new LinkedHashMap<>(publicJwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        key.put("kid", keyId);
        key.put("use", "sig");
        key.put("alg", "RS256");
        return Map.of("keys", List.of(key));
    }

    /** The public key as PEM (what {@code mp.jwt.verify.publickey.location} reads). */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicJwk.getPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
