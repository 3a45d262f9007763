package org.beiqin.commons.security;

import java.util.regex.Pattern;

/**
 * Statistical division codes (统计用区划代码): 6 digits for a county, 9 for a township, 12 for a
 * village. Access is by prefix: {@code 410182} covers every township and village of that county.
 */
public final class Divisions {

    public static final String PATTERN = "^(\\d{6}|\\d{9}|\\d{12})$";
    private static final Pattern CODE = Pattern.compile(PATTERN);

    private Divisions() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** A county's own code (6 digits), not one of its townships or villages. */
    public static boolean isCounty(String code) {
        return isValid(code) && code.length() == 6;
    }

    /** Whether a holder of {@code scope} may touch records of {@code division}. */
    public static boolean covers(String scope, String division) {
        return isValid(scope) && isValid(division) && division.startsWith(scope);
    }

    /** The county (first six digits) a division belongs to. */
    public static String county(String division) {
        return division.substring(0, 6);
    }
}
