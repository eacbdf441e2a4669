package org.wattwatch.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The owner's token, kept only as its digest and compared in constant time, so neither a heap dump
 * nor the time an answer takes gives it away.
 */
public final class OwnerToken {

    private final byte[] digest;

    public OwnerToken(String token) {
        this.digest = token == null ? null : sha256(token);
    }

    public boolean isSet() {
        return digest != null;
    }

    public boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
