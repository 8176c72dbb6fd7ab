package io.amends.mail.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wording of every mail, per language: {@code io/amends/mail/templates/<name>_<language>.txt}.
 *
 * <p>A language such as {@code de-CH} falls back to {@code de}, then to {@code en}; every template exists in
 * English. Adding a language needs files only, no code.
 */
public final class MailTemplates {

    public static final String FOLDER = "io/amends/mail/templates/";
    public static final String FALLBACK = "en";

    private static final Map<String, Optional<MailTemplate>> CACHE = new ConcurrentHashMap<>();

    private MailTemplates() {
    }

    /** The template for a language, falling back to the base language and then to English. */
    public static MailTemplate get(String name, String language) {
        for (String candidate : candidates(language)) {
            Optional<MailTemplate> found = CACHE.computeIfAbsent(name + "_" + candidate, key -> load(name, candidate));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("There is no mail template " + FOLDER + name + "_" + FALLBACK + ".txt");
    }

    /** The languages to try, most specific first: {@code de-CH}, {@code de}, {@code en}. */
    public static List<String> candidates(String language) {
        List<String> out = new ArrayList<>();
        if (language != null && language.matches("[A-Za-z]{2}(-[A-Za-z]{2})?")) {
            String[] parts = language.split("-");
            if (parts.length == 2) {
                out.add(parts[0].toLowerCase(Locale.ROOT) + "-" + parts[1].toUpperCase(Locale.ROOT));
            }
            out.add(parts[0].toLowerCase(Locale.ROOT));
        }
        if (!out.contains(FALLBACK)) {
            out.add(FALLBACK);
        }
        return out;
    }

    private static Optional<MailTemplate> load(String name, String language) {
        String path = FOLDER + name + "_" + language + ".txt";
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(MailTemplate.parse(name, language, new String(in.readAllBytes(), StandardCharsets.UTF_8), path));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
