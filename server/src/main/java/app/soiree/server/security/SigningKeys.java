package app.soiree.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key pair that signs access tokens. Taken from configuration ({@code soiree.security.jwt.private-key},
 * a PKCS#8 PEM, so that every replica shares it), or generated once and kept under the data directory.
 * Only the private key is stored: the public key is derived from it.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKeys() {
    }

    static KeyPair load(String configuredPem, Path dataDir) {
        try {
            if (!configuredPem.isBlank()) {
                return fromPem(configuredPem);
            }
            Path keyFile = dataDir.resolve("keys").resolve("jwt-signing-key.pem");
            if (Files.exists(keyFile)) {
                return fromPem(Files.readString(keyFile));
            }
            return generateInto(keyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the token signing key", e);
        }
    }

    private static KeyPair generateInto(Path keyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(keyFile.getParent());
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n" + END + "\n";
        Files.writeString(keyFile, pem, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of {}", keyFile);
        }
        log.info("Generated a new token signing key in {}", keyFile);
        return pair;
    }

    private static KeyPair fromPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new KeyPair(publicKey, privateKey);
    }
}
