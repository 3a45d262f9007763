package org.beiqin.commons.files;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What an uploaded file really is: JPEG, PNG and WebP photos and PDF documents are accepted only
 * when their first bytes are the type their Content-Type claims, so a renamed file is refused.
 */
public final class FileTypes {

    private FileTypes() {
    }

    /** "image/png; charset=x" → "image/png". */
    public static String base(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    public static boolean matches(String contentType, byte[] b) {
        return switch (base(contentType)) {
            case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
            case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "image/webp" -> b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                    && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
            case "application/pdf" -> b.length > 5 && new String(b, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
            default -> false;
        };
    }
}
