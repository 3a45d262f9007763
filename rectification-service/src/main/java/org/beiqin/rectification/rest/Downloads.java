package org.beiqin.rectification.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Content-Disposition for Chinese file names (RFC 6266 / RFC 5987), with an ASCII fallback. */
final class Downloads {

    private Downloads() {
    }

    static String attachment(String fileName) {
        String ascii = fileName.replace("至", "_to_").replaceAll("[^A-Za-z0-9._-]+", "");
        if (ascii.startsWith("-")) {
            ascii = "beiqin" + ascii;
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
