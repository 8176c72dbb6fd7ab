package io.amends.coach.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a drafted apology letter against one language's rule book; the entry point of the coach.
 *
 * <p>Instances are immutable and thread-safe; {@link #forLanguage(String)} caches one per language.
 */
public final class Coach {

    static final String FALLBACK_LANGUAGE = "en";

    /** Dates further than this from a promise are in another sentence anyway; bounds work on unpunctuated text. */
    private static final int SENTENCE_REACH = 600;

    private static final ByLanguage<Coach> BY_LANGUAGE =
            new ByLanguage<>(language -> RuleBook.load(language).map(Coach::new), "rules_en.txt");

    private final RuleBook book;

    private Coach(RuleBook book) {
        this.book = book;
    }

    /**
     * The coach for a language tag such as "en", "de-AT" or "fr_CA", falling back to English when that language
     * has no rule file.
     *
     * @throws IllegalArgumentException if the language's rule file is malformed
     * @throws IllegalStateException    if even the English rule file is missing
     */
    public static Coach forLanguage(String languageTag) {
        return BY_LANGUAGE.get(languageTag);
    }

    /** A coach for rules that do not come from the classpath, e.g. rules under edit. */
    public static Coach of(RuleBook book) {
        return new Coach(Objects.requireNonNull(book, "book"));
    }

    /** The language of the rules this coach applies. */
    public String language() {
        return book.language();
    }

    /** Checks one letter. Never modifies or stores it. */
    public Coaching check(String letter) {
        Objects.requireNonNull(letter, "letter");
        String text = LetterText.fold(letter);
        Scan scan = new Scan(book, text);
        scan.collectHits();

        List<Finding> positional = new ArrayList<>();
        List<Finding> wholeLetter = new ArrayList<>();
        List<CoachRule> rules = book.rules();
        for (int r = 0; r < rules.size(); r++) {
            CoachRule rule = rules.get(r);
            int ruleIndex = r;
            switch (rule.kind()) {
                case FLAG -> scan.countedHits(r).forEach(h -> positional.add(finding(rule, letter, h)));
                case PROMISE -> scan.countedHits(r).stream()
                        .filter(h -> !dateInSentence(text, rule, book.dateAlternation(ruleIndex), h))
                        .forEach(h -> positional.add(finding(rule, letter, h)));
                case ABSENCE -> {
                    if (!scan.settled(r)) {
                        wholeLetter.add(new Finding(rule.id(), rule.category(), rule.severity(), "", null,
                                rule.explanation(), rule.suggestion()));
                    }
                }
            }
        }
        // Stable sort: findings at the same place keep rule-file order.
        positional.sort(Comparator.comparingInt((Finding f) -> f.span().start()).thenComparingInt(f -> f.span().end()));
        positional.addAll(wholeLetter);
        return new Coaching(book.language(), positional);
    }

    /**
     * The state of one check: the letter's words, cached matchers, and the raw matches per rule.
     *
     * <p>Words are found once and looked up in the rule book's first-word index, both for triggers and for except
     * patterns, so the cost grows with the letter's length and not with the number of phrases. An absence rule needs
     * only one match that is not excused, so the first one settles it and its remaining triggers are skipped; absence
     * rules are the ones with the longest pattern lists.
     */
    private static final class Scan {
        private final RuleBook book;
        private final String text;
        private final Matcher[] matchers;
        private final List<List<int[]>> hitsByRule;
        private final boolean[] settled;
        private int[] wordStarts = new int[64];
        private int[] wordEnds = new int[64];
        private int[] wordHashes = new int[64];
        private int wordCount;

        Scan(RuleBook book, String text) {
            this.book = book;
            this.text = text;
            this.matchers = new Matcher[book.probeCount()];
            int ruleCount = book.rules().size();
            this.hitsByRule = new ArrayList<>(ruleCount);
            for (int i = 0; i < ruleCount; i++) {
                hitsByRule.add(new ArrayList<>());
            }
            this.settled = new boolean[ruleCount];
        }

        void collectHits() {
            findWords();
            int n = text.length();
            for (int w = 0; w < wordCount; w++) {
                RuleBook.Probe[] probes = book.triggersStartingWith(text, wordStarts[w], wordEnds[w], wordHashes[w]);
                if (probes == null) {
                    continue;
                }
                for (RuleBook.Probe probe : probes) {
                    if (settled[probe.ruleIndex()]) {
                        continue;
                    }
                    Matcher m = matcher(probe).region(wordStarts[w], n);
                    if (m.lookingAt()) {
                        add(probe.ruleIndex(), m.start(), m.end());
                    }
                }
            }
            for (RuleBook.Probe probe : book.scannedTriggers()) {
                Matcher m = matcher(probe).region(0, n);
                while (!settled[probe.ruleIndex()] && m.find()) {
                    add(probe.ruleIndex(), m.start(), m.end());
                }
            }
        }

        /** Records where each word starts and ends, and its hash for the rule book's word tables. */
        private void findWords() {
            int n = text.length();
            int i = 0;
            while (i < n) {
                if (!LetterText.isWordChar(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                int hash = 0;
                char c;
                while (i < n && LetterText.isWordChar(c = text.charAt(i))) {
                    hash = WordTable.hash(hash, c);
                    i++;
                }
                if (wordCount == wordStarts.length) {
                    wordStarts = Arrays.copyOf(wordStarts, wordCount * 2);
                    wordEnds = Arrays.copyOf(wordEnds, wordCount * 2);
                    wordHashes = Arrays.copyOf(wordHashes, wordCount * 2);
                }
                wordStarts[wordCount] = start;
                wordEnds[wordCount] = i;
                wordHashes[wordCount] = hash;
                wordCount++;
            }
        }

        private void add(int rule, int start, int end) {
            if (end <= start) {
                return;
            }
            int[] hit = {start, end};
            if (book.rules().get(rule).kind() == CoachRule.Kind.ABSENCE) {
                settled[rule] = !excused(rule, hit);
            } else {
                hitsByRule.get(rule).add(hit);
            }
        }

        boolean settled(int rule) {
            return settled[rule];
        }

        /** The rule's hits minus excused ones, minus overlaps: the earliest start wins, then the longest. */
        List<int[]> countedHits(int rule) {
            List<int[]> hits = hitsByRule.get(rule);
            if (hits.isEmpty()) {
                return hits;
            }
            hits.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> -h[1]));
            List<int[]> counted = new ArrayList<>(hits.size());
            int coveredUntil = -1;
            for (int[] hit : hits) {
                if (hit[0] >= coveredUntil && !excused(rule, hit)) {
                    counted.add(hit);
                    coveredUntil = hit[1];
                }
            }
            return counted;
        }

        /** True if the hit lies inside a match of one of the rule's except patterns ("went wrong"). */
        private boolean excused(int rule, int[] hit) {
            int from = Math.max(0, hit[0] - RuleBook.EXCEPT_REACH);
            int to = Math.min(text.length(), hit[1] + RuleBook.EXCEPT_REACH);
            // Words starting at or before the hit, nearest first.
            int w = Arrays.binarySearch(wordStarts, 0, wordCount, hit[0]);
            for (w = w >= 0 ? w : -w - 2; w >= 0 && wordStarts[w] >= from; w--) {
                RuleBook.Probe[] probes = book.exceptionsStartingWith(rule, text, wordStarts[w], wordEnds[w],
                        wordHashes[w]);
                if (probes == null) {
                    continue;
                }
                for (RuleBook.Probe probe : probes) {
                    Matcher m = matcher(probe).region(wordStarts[w], to);
                    if (m.lookingAt() && m.end() >= hit[1]) {
                        return true;
                    }
                }
            }
            for (RuleBook.Probe probe : book.scannedExceptions(rule)) {
                Matcher m = matcher(probe).region(from, to);
                while (m.find() && m.start() <= hit[0]) {
                    if (m.end() >= hit[1]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** One matcher per pattern and check; transparent bounds so that {@code \b} sees the text around a region. */
        private Matcher matcher(RuleBook.Probe probe) {
            Matcher m = matchers[probe.id()];
            if (m == null) {
                m = probe.regex().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[probe.id()] = m;
            }
            return m;
        }
    }

    /** Whether a date pattern occurs in the sentence of the hit; {@code merged} is all of them in one, if possible. */
    private static boolean dateInSentence(String text, CoachRule rule, Pattern merged, int[] hit) {
        int from = LetterText.sentenceStart(text, hit[0], SENTENCE_REACH);
        int to = LetterText.sentenceEnd(text, hit[1], SENTENCE_REACH);
        for (Pattern date : merged != null ? List.of(merged) : rule.dates()) {
            if (date.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false).find()) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(CoachRule rule, String letter, int[] hit) {
        return new Finding(rule.id(), rule.category(), rule.severity(), letter.substring(hit[0], hit[1]),
                new Finding.Span(hit[0], hit[1]), rule.explanation(), rule.suggestion());
    }
}
