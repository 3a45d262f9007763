package org.beiqin.rectification.service;

/**
 * Text typed by users, made safe to put into a Markdown document: on one line (a label never
 * starts a new block, so {@code # x} or {@code > x} cannot become a heading or a quote), with every
 * character that gives inline Markdown or HTML a meaning escaped by a backslash or as an entity,
 * so {@code [a](b)}, {@code ![i](u)}, {@code **x**} and {@code <script>} read as the characters typed.
 */
final class MarkdownText {

    private static final String SPECIAL = "\\`*_[]!|~";

    private MarkdownText() {
    }

    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
