package kz.nobd.report.signoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a school head signs: the canonical JSON of the return's figures and its period ({@code json}, UTF-8, keys
 * sorted, no white space) and its SHA-256 ({@code digest}, lower-case hex), which names the content in requests.
 */
public record ReturnContent(String json, String digest) {

    public static ReturnContent of(String json) {
        return new ReturnContent(json, sha256(json));
    }

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
