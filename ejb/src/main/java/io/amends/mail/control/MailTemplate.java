package io.amends.mail.control;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail's wording: a subject line and a body with {@code {placeholders}}, read from a resource file whose first
 * line is {@code Subject: ...}, then an empty line, then the body.
 *
 * <p>Filling refuses a placeholder without a value, so that no mail leaves with a literal {@code {contactName}} in it
 * (a template test fills every template with the values its kind provides).
 */
public record MailTemplate(String name, String language, String subject, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** A subject and a body ready to send. */
    public record Filled(String subject, String body) {
    }

    public MailTemplate {
        Objects.requireNonNull(name);
        Objects.requireNonNull(language);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(body);
    }

    /** Reads the file format; {@code source} names the file in error messages. */
    public static MailTemplate parse(String name, String language, String text, String source) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        int firstBreak = normalized.indexOf('\n');
        String first = firstBreak < 0 ? normalized : normalized.substring(0, firstBreak);
        if (!first.startsWith("Subject:")) {
            throw new IllegalArgumentException(source + ": the first line must be \"Subject: ...\"");
        }
        String subject = first.substring("Subject:".length()).strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException(source + ": the subject is empty");
        }
        String rest = firstBreak < 0 ? "" : normalized.substring(firstBreak + 1);
        if (!rest.startsWith("\n")) {
            throw new IllegalArgumentException(source + ": an empty line must follow the subject");
        }
        String body = rest.substring(1).stripTrailing() + "\n";
        if (body.isBlank()) {
            throw new IllegalArgumentException(source + ": the body is empty");
        }
        return new MailTemplate(name, language, subject, body);
    }

    /** The placeholders the subject and body use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String text : new String[] {subject, body}) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public Filled fill(Map<String, String> values) {
        return new Filled(replace(subject, values).replaceAll("[\\r\\n\\t]+", " ").strip(), replace(body, values));
    }

    private String replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The mail template " + name + "_" + language + " needs a value for {"
                        + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
