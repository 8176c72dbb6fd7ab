package io.amends.coach.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The compiled rules of one language, parsed from its plain-text rule file (format: see the {@code io.amends.coach}
 * package documentation), plus the first-word index that keeps checking fast.
 */
public final class RuleBook {

    /** How far (in chars) from a match an {@code except:} match may start or end and still excuse it. */
    public static final int EXCEPT_REACH = 120;

    static final String RESOURCE_DIR = "io/amends/coach/";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,8}");
    private static final Set<String> KEYS = Set.of("id", "category", "severity", "type", "match", "except", "date",
            "explanation", "suggestion");
    private static final Set<String> REPEATABLE = Set.of("match", "except", "date");
    private static final Set<String> CONTINUABLE = Set.of("explanation", "suggestion");
    /** Back-references and named groups, which must not be merged into one alternation. */
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\\\[1-9]|\\\\k<|\\(\\?<[A-Za-z]");

    /** A pattern to try, with the position of its rule in {@link #rules()} and a number for per-check caches. */
    record Probe(int id, int ruleIndex, Pattern regex) {
    }

    private final String language;
    private final List<CoachRule> rules;
    private final WordTable<Probe[]> triggersByFirstWord;
    private final List<Probe> scannedTriggers = new ArrayList<>();
    private final List<WordTable<Probe[]>> exceptionsByFirstWord = new ArrayList<>();
    private final List<List<Probe>> scannedExceptions = new ArrayList<>();
    private final List<Pattern> dateAlternations = new ArrayList<>();
    private final int probeCount;

    private RuleBook(String language, List<CoachRule> rules) {
        this.language = language;
        this.rules = List.copyOf(rules);
        int[] ids = {0};
        Map<String, Map<Integer, List<CoachRule.Trigger>>> triggerIndex = new HashMap<>();
        for (int r = 0; r < this.rules.size(); r++) {
            int rule = r;
            CoachRule coachRule = this.rules.get(r);
            for (CoachRule.Trigger trigger : coachRule.triggers()) {
                if (trigger.anchorWords().isEmpty()) {
                    scannedTriggers.add(new Probe(ids[0]++, r, trigger.regex()));
                }
                trigger.anchorWords().forEach(word -> triggerIndex.computeIfAbsent(word, w -> new TreeMap<>())
                        .computeIfAbsent(rule, x -> new ArrayList<>()).add(trigger));
            }
            Map<String, List<CoachRule.Trigger>> exceptionIndex = new HashMap<>();
            List<Probe> scanned = new ArrayList<>();
            for (CoachRule.Trigger exception : coachRule.exceptions()) {
                if (exception.anchorWords().isEmpty()) {
                    scanned.add(new Probe(ids[0]++, r, exception.regex()));
                }
                exception.anchorWords().forEach(word -> exceptionIndex.computeIfAbsent(word, w -> new ArrayList<>())
                        .add(exception));
            }
            Map<String, Probe[]> exceptionProbes = new HashMap<>();
            exceptionIndex.forEach((word, exceptions) -> exceptionProbes.put(word,
                    merged(rule, exceptions, ids).toArray(Probe[]::new)));
            exceptionsByFirstWord.add(new WordTable<>(exceptionProbes));
            scannedExceptions.add(scanned);
            dateAlternations.add(coachRule.dates().isEmpty() ? null : dateAlternation(coachRule.dates()));
        }
        Map<String, Probe[]> triggerProbes = new HashMap<>();
        triggerIndex.forEach((word, byRule) -> {
            List<Probe> probes = new ArrayList<>();
            byRule.forEach((rule, triggers) -> probes.addAll(merged(rule, triggers, ids)));
            triggerProbes.put(word, probes.toArray(Probe[]::new));
        });
        this.triggersByFirstWord = new WordTable<>(triggerProbes);
        this.probeCount = ids[0];
    }

    /** The rule's date patterns as one, so that a sentence is searched once rather than once per pattern. */
    private static Pattern dateAlternation(List<Pattern> dates) {
        if (dates.size() == 1 || dates.stream().anyMatch(p -> GROUP_REFERENCE.matcher(p.pattern()).find())) {
            return null;
        }
        return alternation(dates);
    }

    /**
     * The patterns as one alternation, earlier ones preferred. A leading word boundary shared by all of them is
     * checked once instead of once per alternative; that check dominated the cost of trying common words.
     */
    private static Pattern alternation(List<Pattern> patterns) {
        boolean allBounded = patterns.stream().allMatch(p -> p.pattern().startsWith("\\b")
                && Parser.topLevelAlternatives(p.pattern()).size() == 1);
        String body = patterns.stream()
                .map(p -> "(?:" + (allBounded ? p.pattern().substring(2) : p.pattern()) + ")")
                .collect(Collectors.joining("|"));
        return Pattern.compile(allBounded ? "\\b(?:" + body + ")" : body, FLAGS);
    }

    /**
     * One probe for all of a rule's patterns that start with the same word, because a common word ("you", "we")
     * starts dozens of phrases and one alternation is much cheaper to try than dozens of patterns. Longer patterns
     * come first, so "to the extent that" wins over "to the extent". Patterns with back-references or named groups
     * keep their own probe, since merging would renumber or duplicate their groups.
     */
    private static List<Probe> merged(int rule, List<CoachRule.Trigger> patterns, int[] ids) {
        List<Probe> probes = new ArrayList<>();
        List<CoachRule.Trigger> mergeable = new ArrayList<>();
        for (CoachRule.Trigger t : patterns) {
            if (GROUP_REFERENCE.matcher(t.regex().pattern()).find()) {
                probes.add(new Probe(ids[0]++, rule, t.regex()));
            } else {
                mergeable.add(t);
            }
        }
        if (mergeable.size() == 1) {
            probes.add(new Probe(ids[0]++, rule, mergeable.get(0).regex()));
        } else if (!mergeable.isEmpty()) {
            probes.add(new Probe(ids[0]++, rule, alternation(mergeable.stream()
                    .sorted(Comparator.comparingInt((CoachRule.Trigger t) -> t.source().length()).reversed())
                    .map(CoachRule.Trigger::regex).toList())));
        }
        return probes;
    }

    /**
     * Loads {@code io/amends/coach/rules_<language>.txt} from the classpath.
     *
     * @return empty if there is no rule file for that language
     * @throws IllegalArgumentException if the file exists but is malformed; the message names file and line
     */
    public static Optional<RuleBook> load(String language) {
        String lang = primaryLanguage(language);
        if (lang == null) {
            return Optional.empty();
        }
        String name = "rules_" + lang + ".txt";
        return readResource(name).map(text -> parse(lang, name, text));
    }

    /**
     * Parses rule-file text.
     *
     * @param language   language the rules are written for
     * @param sourceName file name used in error messages
     * @throws IllegalArgumentException naming {@code sourceName} and the line number of the first problem
     */
    public static RuleBook parse(String language, String sourceName, String text) {
        return new RuleBook(language, new Parser(sourceName).parse(text));
    }

    public String language() {
        return language;
    }

    public List<CoachRule> rules() {
        return rules;
    }

    /**
     * Triggers whose matches start at the word {@code text[start, end)} (in any case), or null. Not to be modified.
     *
     * @param hash the word's {@link WordTable#hash}
     */
    Probe[] triggersStartingWith(String text, int start, int end, int hash) {
        return triggersByFirstWord.get(text, start, end, hash);
    }

    /** Triggers that have to be searched for over the whole letter. */
    List<Probe> scannedTriggers() {
        return scannedTriggers;
    }

    /** The rule's except patterns whose matches start at the word {@code text[start, end)}, or null. */
    Probe[] exceptionsStartingWith(int ruleIndex, String text, int start, int end, int hash) {
        return exceptionsByFirstWord.get(ruleIndex).get(text, start, end, hash);
    }

    /** The rule's except patterns that have to be searched for around a match. */
    List<Probe> scannedExceptions(int ruleIndex) {
        return scannedExceptions.get(ruleIndex);
    }

    /** The rule's date patterns as one pattern, or null if they cannot be merged (use {@link CoachRule#dates()}). */
    Pattern dateAlternation(int ruleIndex) {
        return dateAlternations.get(ruleIndex);
    }

    /** Probes are numbered {@code 0 .. probeCount - 1}. */
    int probeCount() {
        return probeCount;
    }

    /** "de-AT", "de_at", "DE" all become "de"; null for anything that is not a plausible language tag. */
    static String primaryLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        // Validated because the tag may come from a request header and ends up in a resource path.
        return LANGUAGE.matcher(primary).matches() ? primary : null;
    }

    static Optional<String> readResource(String fileName) {
        ClassLoader loader = RuleBook.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE_DIR + fileName, e);
        }
    }

    /** Turns one rule file into rules, failing on the first problem with its line number. */
    private static final class Parser {

        private final String sourceName;
        private final List<CoachRule> rules = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private Map<String, List<String>> block;
        private Map<String, List<CoachRule.Trigger>> compiled;
        private Map<String, Integer> keyLines;
        private int blockLine;
        private String lastKey;

        Parser(String sourceName) {
            this.sourceName = sourceName;
        }

        List<CoachRule> parse(String text) {
            // A BOM would otherwise turn the first key into an unknown one.
            String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int lineNo = i + 1;
                String line = lines[i];
                String stripped = line.strip();
                if (stripped.startsWith("#")) {
                    continue;
                }
                if (stripped.isEmpty()) {
                    finishBlock();
                    continue;
                }
                if (Character.isWhitespace(line.charAt(0))) {
                    continueValue(lineNo, stripped);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw error(lineNo, "expected 'key: value' but found '" + abbreviate(stripped) + "'");
                }
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (!KEYS.contains(key)) {
                    throw error(lineNo, "unknown key '" + key + "'; known keys are " + sorted(KEYS));
                }
                if (value.isEmpty()) {
                    throw error(lineNo, "key '" + key + "' has no value");
                }
                if (block == null) {
                    block = new HashMap<>();
                    compiled = new HashMap<>();
                    keyLines = new HashMap<>();
                    blockLine = lineNo;
                }
                if (block.containsKey(key) && !REPEATABLE.contains(key)) {
                    throw error(lineNo, "key '" + key + "' given twice in one rule (first on line "
                            + keyLines.get(key) + ")");
                }
                // Values are compiled right away so that a bad pattern is reported on its own line.
                if (REPEATABLE.contains(key)) {
                    compiled.computeIfAbsent(key, k -> new ArrayList<>()).add(trigger(value, compile(lineNo, value)));
                }
                block.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                keyLines.putIfAbsent(key, lineNo);
                lastKey = key;
            }
            finishBlock();
            if (rules.isEmpty()) {
                throw new IllegalArgumentException(sourceName + ": contains no rules");
            }
            return rules;
        }

        private void continueValue(int lineNo, String text) {
            if (block == null || !CONTINUABLE.contains(lastKey)) {
                throw error(lineNo, "an indented line continues only an explanation or suggestion");
            }
            List<String> values = block.get(lastKey);
            values.set(0, values.get(0) + " " + text);
        }

        private void finishBlock() {
            if (block == null) {
                return;
            }
            String id = required("id");
            if (!ID.matcher(id).matches()) {
                throw error(keyLines.get("id"), "rule id '" + id + "' must match " + ID.pattern());
            }
            if (!ids.add(id)) {
                throw error(keyLines.get("id"), "rule id '" + id + "' is used twice");
            }
            String category = required("category");
            if (!CATEGORY.matcher(category).matches()) {
                throw error(keyLines.get("category"), "category '" + category + "' must match "
                        + CATEGORY.pattern());
            }
            FindingSeverity severity = enumValue("severity", FindingSeverity.class, required("severity"));
            String type = single("type");
            CoachRule.Kind kind = type == null ? CoachRule.Kind.FLAG : enumValue("type", CoachRule.Kind.class, type);
            List<String> dates = block.getOrDefault("date", List.of());
            if (kind == CoachRule.Kind.PROMISE && dates.isEmpty()) {
                throw error(blockLine, "rule '" + id + "' is a promise rule but has no 'date:' line");
            }
            if (kind != CoachRule.Kind.PROMISE && !dates.isEmpty()) {
                throw error(keyLines.get("date"), "'date:' is only allowed in rules with 'type: promise'");
            }
            required("match");
            List<Pattern> datePatterns = compiled.getOrDefault("date", List.of()).stream()
                    .map(CoachRule.Trigger::regex).toList();
            rules.add(new CoachRule(id, category, severity, kind, compiled.get("match"),
                    compiled.getOrDefault("except", List.of()), datePatterns,
                    required("explanation"), required("suggestion")));
            block = null;
            compiled = null;
            keyLines = null;
            lastKey = null;
        }

        private String required(String key) {
            List<String> values = block.get(key);
            if (values == null) {
                throw error(blockLine, "rule starting here has no '" + key + ":' line");
            }
            return values.get(0);
        }

        private String single(String key) {
            List<String> values = block.get(key);
            return values == null ? null : values.get(0);
        }

        private <E extends Enum<E>> E enumValue(String key, Class<E> type, String value) {
            String wanted = value.toUpperCase(Locale.ROOT);
            return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> error(keyLines.get(key), "'" + value + "' is not a valid " + key
                            + "; use one of " + Arrays.stream(type.getEnumConstants())
                            .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
        }

        private Pattern compile(int lineNo, String source) {
            String folded = LetterText.fold(source);
            if (isRegex(folded)) {
                try {
                    return Pattern.compile(folded.substring(1, folded.length() - 1), FLAGS);
                } catch (PatternSyntaxException e) {
                    throw error(lineNo, "invalid regular expression " + source + ": " + e.getDescription());
                }
            }
            return Pattern.compile(phraseRegex(folded), FLAGS);
        }

        private static boolean isRegex(String source) {
            return source.length() > 2 && source.startsWith("/") && source.endsWith("/");
        }

        private static CoachRule.Trigger trigger(String source, Pattern regex) {
            String folded = LetterText.fold(source);
            Set<String> anchors = isRegex(folded) ? regexAnchors(folded.substring(1, folded.length() - 1))
                    : phraseAnchor(folded);
            return new CoachRule.Trigger(source, regex, anchors);
        }

        /** The phrase's first word; none if it starts with punctuation, so it has to be scanned for. */
        private static Set<String> phraseAnchor(String phrase) {
            int end = 0;
            while (end < phrase.length() && LetterText.isWordChar(phrase.charAt(end))) {
                end++;
            }
            return end == 0 ? Set.of() : Set.of(LetterText.lowerCase(phrase.substring(0, end)));
        }

        /**
         * The words a regular expression's matches must start with, or an empty set if that cannot be seen from
         * its beginning. Recognised, conservatively: {@code \bword} or {@code \b(?:word1|word2 ...)} where each
         * word is literal letters followed by something that cannot continue the word ({@code \s}, space,
         * {@code '}, {@code -}, {@code \b}, or a group whose alternatives all start that way).
         */
        private static Set<String> regexAnchors(String regex) {
            // "\bfoo\s|bar" can start with anything: a top-level alternative ends the analysis.
            if (!regex.startsWith("\\b") || topLevelAlternatives(regex).size() > 1) {
                return Set.of();
            }
            int pos = 2;
            Set<String> words = new HashSet<>();
            if (regex.startsWith("(?:", pos)) {
                int close = closingParen(regex, pos);
                if (close < 0 || isQuantifier(regex, close + 1)) {
                    return Set.of();
                }
                for (String alternative : topLevelAlternatives(regex.substring(pos + 3, close))) {
                    int end = leadingWordEnd(alternative, 0);
                    String rest = alternative.substring(end);
                    boolean wordEnds = rest.isEmpty() ? cannotContinueWord(regex, close + 1)
                            : cannotContinueWord(rest, 0);
                    if (end == 0 || !wordEnds) {
                        return Set.of();
                    }
                    words.add(LetterText.lowerCase(alternative.substring(0, end)));
                }
            } else {
                int end = leadingWordEnd(regex, pos);
                if (end == pos || !cannotContinueWord(regex, end)) {
                    return Set.of();
                }
                words.add(LetterText.lowerCase(regex.substring(pos, end)));
            }
            return Set.copyOf(words);
        }

        /** End of the plain letters starting at {@code from}; a letter followed by a quantifier does not count. */
        private static int leadingWordEnd(String s, int from) {
            int end = from;
            while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
                end++;
            }
            return end > from && isQuantifier(s, end) ? from : end;
        }

        private static boolean cannotContinueWord(String s, int pos) {
            if (pos >= s.length()) {
                return false;
            }
            char c = s.charAt(pos);
            if (c == ' ' || c == '\'' || c == '-' || c == ',') {
                return true;
            }
            if (s.startsWith("\\s", pos) || s.startsWith("\\b", pos)) {
                return true;
            }
            if (s.startsWith("(?:", pos)) {
                int close = closingParen(s, pos);
                if (close < 0 || isQuantifier(s, close + 1)) {
                    return false;
                }
                return topLevelAlternatives(s.substring(pos + 3, close)).stream()
                        .allMatch(alternative -> cannotContinueWord(alternative, 0));
            }
            return false;
        }

        private static boolean isQuantifier(String s, int pos) {
            return pos < s.length() && "?*+{".indexOf(s.charAt(pos)) >= 0;
        }

        /** Index of the ')' closing the '(' at {@code open}, or -1; escapes and character classes are skipped. */
        private static int closingParen(String s, int open) {
            int depth = 0;
            boolean inClass = false;
            for (int i = open; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static List<String> topLevelAlternatives(String group) {
            List<String> alternatives = new ArrayList<>();
            int depth = 0;
            int start = 0;
            boolean inClass = false;
            for (int i = 0; i < group.length(); i++) {
                char c = group.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    alternatives.add(group.substring(start, i));
                    start = i + 1;
                }
            }
            alternatives.add(group.substring(start));
            return alternatives;
        }

        /** Whole words, any whitespace between them: "not our fault" must also catch "not  our\nfault". */
        private static String phraseRegex(String phrase) {
            StringBuilder regex = new StringBuilder();
            if (LetterText.isWordChar(phrase.charAt(0))) {
                regex.append("\\b");
            }
            String[] words = phrase.split("\\s+");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    regex.append("\\s+");
                }
                regex.append(Pattern.quote(words[i]));
            }
            if (LetterText.isWordChar(phrase.charAt(phrase.length() - 1))) {
                regex.append("\\b");
            }
            return regex.toString();
        }

        private IllegalArgumentException error(int lineNo, String message) {
            return new IllegalArgumentException(sourceName + " line " + lineNo + ": " + message);
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }

        private static List<String> sorted(Set<String> keys) {
            return keys.stream().sorted().toList();
        }
    }
}
