package org.beiqin.commons.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Localised messages: Chinese (zh-CN) unless the request asks for English. A service's own bundle
 * {@code messages/service} is searched before the shared {@code messages/commons}.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> BUNDLES = List.of("messages/service", "messages/commons");

    private Messages() {
    }

    /** zh-CN by default; English when the first language the caller names that we have is English. */
    public static Locale locale(HttpHeaders headers) {
        return locale(headers == null ? List.of() : headers.getAcceptableLanguages());
    }

    public static Locale locale(List<Locale> acceptable) {
        {
            for (Locale wanted : acceptable) {
                if ("en".equalsIgnoreCase(wanted.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("zh".equalsIgnoreCase(wanted.getLanguage())) {
                    return CHINESE;
                }
            }
        }
        return CHINESE;
    }

    /** The message for {@code key}, or {@code null} when no bundle has it. */
    public static String find(Locale locale, String key, Object... args) {
        for (String base : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(base, locale, Messages.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                if (bundle.containsKey(key)) {
                    String pattern = bundle.getString(key);
                    return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
                }
            } catch (MissingResourceException e) {
                // this service has no bundle of that name: try the next
            }
        }
        return null;
    }

    public static String get(Locale locale, String key, Object... args) {
        String message = find(locale, key, args);
        return message != null ? message : key;
    }
}
