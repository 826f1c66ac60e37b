package io.checkin.code;

import java.util.regex.Pattern;

/** Codes travel as a URL a phone camera can open, {@code {base}/c/{token}}; scans may carry either form. */
public final class CodeUrls {

    static final String PATH = "/c/";
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private CodeUrls() {
    }

    public static String url(String publicBaseUrl, String token) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        return base + PATH + token;
    }

    /** The bare token from a code URL or a bare token; a code-malformed rejection for anything else. */
    public static String token(String codeOrUrl) {
        if (codeOrUrl == null) {
            throw new CodeRejectedException(CodeRejectedException.MALFORMED, "The code is missing");
        }
        String token = codeOrUrl.strip();
        int at = token.lastIndexOf(PATH);
        if (at >= 0) {
            token = token.substring(at + PATH.length());
            int end = indexOfAny(token, '?', '#');
            if (end >= 0) {
                token = token.substring(0, end);
            }
        }
        if (token.length() > MAX_TOKEN_LENGTH || !COMPACT_JWS.matcher(token).matches()) {
            throw new CodeRejectedException(CodeRejectedException.MALFORMED, "This is not a venue code");
        }
        return token;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
