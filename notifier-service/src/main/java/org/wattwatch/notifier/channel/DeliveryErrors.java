package org.wattwatch.notifier.channel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed delivery may say where it is stored or shown (the alert list, the state topic, health,
 * logs): a provider's URL is often the secret itself (a Slack, Discord or Home Assistant webhook), so
 * every URL is cut to its scheme and host, and control characters from a provider's answer are escaped
 * so they cannot forge a log line.
 */
public final class DeliveryErrors {

    private static final Pattern URL = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*)://(?:[^/\\s\"'@]*@)?([^/\\s\"'?#]+)"
            + "[^\\s\"']*");
    private static final int LONGEST = 300;

    private DeliveryErrors() {
    }

    public static String describe(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return safe(text);
    }

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "://" + m.group(2) + "/…"));
        }
        m.appendTail(out);
        StringBuilder printable = new StringBuilder(Math.min(out.length(), LONGEST + 1));
        out.codePoints().limit(LONGEST).forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.length() > LONGEST ? printable.append('…').toString() : printable.toString();
    }
}
