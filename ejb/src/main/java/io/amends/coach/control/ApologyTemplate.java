package io.amends.coach.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft apology letter with {@code {placeholder}} gaps, filled from case data so the writer starts from wording
 * that already passes the coach.
 *
 * <p>Only the placeholders in {@link #PLACEHOLDERS} exist. Typos must fail loudly rather than leave "{fixdate}" in a
 * letter to a customer, so unknown placeholders, unknown value keys and missing or blank values are all refused.
 *
 * @param name short id such as "standard"
 * @param text the template text
 */
public record ApologyTemplate(String name, String text) {

    /** Every placeholder a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("contact", "issue", "reason", "fix", "fixDate", "sender");

    private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern HEADER = Pattern.compile("\\[([^\\]]*)]\\s*");
    private static final ByLanguage<Map<String, ApologyTemplate>> BUILT_IN =
            new ByLanguage<>(ApologyTemplate::load, "templates_en.txt");

    /**
     * @throws IllegalArgumentException if the name is not {@code [a-z0-9-]+}, the text uses an unknown placeholder,
     *                                  or has a brace that is not part of a placeholder
     */
    public ApologyTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Template name '" + name + "' must match " + NAME.pattern());
        }
        Set<String> unknown = new TreeSet<>();
        Matcher m = BRACED.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Template '" + name + "' uses unknown placeholder(s) " + unknown
                    + "; known placeholders are " + known());
        }
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            throw new IllegalArgumentException("Template '" + name + "' has a stray '{' or '}' outside a placeholder");
        }
    }

    /** The placeholders this template uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = BRACED.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    /**
     * Fills every placeholder. Values are inserted literally (a "{" in a value stays a "{") and stripped of
     * surrounding whitespace. Extra values for known placeholders this template does not use are fine, so one value
     * map can fill any template.
     *
     * @throws IllegalArgumentException naming every unknown key, or every placeholder without a non-blank value
     */
    public String fill(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown placeholder value(s) " + braced(unknown)
                    + " for template '" + name + "'; known placeholders are " + known());
        }
        List<String> missing = new ArrayList<>();
        for (String placeholder : placeholders()) {
            String value = values.get(placeholder);
            if (value == null || value.isBlank()) {
                missing.add("{" + placeholder + "}");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Template '" + name + "' needs a value for " + missing);
        }
        Matcher m = BRACED.matcher(text);
        StringBuilder filled = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(values.get(m.group(1)).strip()));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /**
     * The built-in templates for a language tag, by name in file order, falling back to English.
     *
     * @throws IllegalArgumentException if the template file is malformed
     */
    public static Map<String, ApologyTemplate> builtIn(String languageTag) {
        return BUILT_IN.get(languageTag);
    }

    private static Optional<Map<String, ApologyTemplate>> load(String language) {
        String fileName = "templates_" + language + ".txt";
        return RuleBook.readResource(fileName).map(t -> parse(fileName, t));
    }

    /**
     * Parses a template file: '#' comment lines until the first header, then each {@code [name]} line starts a
     * template whose text runs to the next header. Blank lines around a template's text are dropped; inside a
     * template every line, '#' included, is text.
     *
     * @throws IllegalArgumentException naming {@code sourceName} and the line of the first problem
     */
    public static Map<String, ApologyTemplate> parse(String sourceName, String fileText) {
        String[] lines = fileText.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        Map<String, ApologyTemplate> templates = new LinkedHashMap<>();
        String name = null;
        int nameLine = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= lines.length; i++) {
            boolean atEnd = i == lines.length;
            Matcher header = atEnd ? null : HEADER.matcher(lines[i]);
            if (atEnd || header.matches()) {
                if (name != null) {
                    add(templates, sourceName, nameLine, name, body.toString().strip());
                }
                if (!atEnd) {
                    name = header.group(1).strip();
                    nameLine = i + 1;
                    body.setLength(0);
                }
            } else if (name != null) {
                body.append(lines[i].stripTrailing()).append('\n');
            } else if (!lines[i].isBlank() && !lines[i].strip().startsWith("#")) {
                throw new IllegalArgumentException(sourceName + " line " + (i + 1)
                        + ": text before the first [template-name] line");
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": contains no templates");
        }
        return Collections.unmodifiableMap(templates);
    }

    private static void add(Map<String, ApologyTemplate> templates, String sourceName, int line, String name,
                            String body) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException(sourceName + " line " + line + ": template '" + name + "' is empty");
        }
        if (templates.containsKey(name)) {
            throw new IllegalArgumentException(sourceName + " line " + line + ": template '" + name
                    + "' is defined twice");
        }
        try {
            templates.put(name, new ApologyTemplate(name, body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sourceName + " line " + line + ": " + e.getMessage(), e);
        }
    }

    private static String known() {
        return braced(new TreeSet<>(PLACEHOLDERS));
    }

    private static String braced(Set<String> names) {
        return names.stream().map(n -> "{" + n + "}").toList().toString();
    }
}
