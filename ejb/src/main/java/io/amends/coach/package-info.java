/**
 * The apology language coach: checks a drafted apology letter and explains what weakens it.
 *
 * <h2>What it looks for</h2>
 * Blame-shifting ("not our fault", "the courier"), cold or defensive words ("unfortunately", "as per"),
 * conditional non-apologies ("sorry if", "sorry you feel"), a letter that never takes responsibility, a letter that
 * never says what went wrong for the customer, and promises made without a date. Each
 * {@link io.amends.coach.control.Finding} carries an explanation a user understands and a suggestion of better
 * wording. {@link io.amends.coach.control.FindingSeverity#BLOCKING BLOCKING} findings stop the send; this package
 * only reports them ({@link io.amends.coach.control.Coaching#hasBlocking()}), the caller enforces it.
 *
 * <h2>Why the rules are data</h2>
 * The wording is the product: the people who know what a good apology sounds like are not the people who compile
 * Java, and every language needs its own list. So the rules live in one plain-text file per language on the classpath
 * ({@code io/amends/coach/rules_<lang>.txt}), and adding a language or a phrase is an edit to a text file. The code
 * knows only four generic behaviours (below) and nothing about any particular phrase. Rule ids are language-neutral
 * ({@code blame.not-our-fault} means the same in every file) so statistics and UI hints can be shared.
 *
 * <h2>Rule file format</h2>
 * <pre>
 * # comment lines start with '#'; blank lines separate rules
 * id: blame.third-party                  required, unique in the file: [a-z0-9.-]+
 * category: blame                        required: [a-z0-9-]+ (blame, cold, conditional, responsibility, ...)
 * severity: WARNING                      required: INFO | WARNING | BLOCKING (any case)
 * type: flag                             optional: flag (default) | absence | promise
 * match: the courier                     one or more; a phrase ...
 * match: /\b(?:the|our)\s+carriers?\b/   ... or a Java regular expression between slashes
 * except: /\bwe\s+chose\s+the\s+\w+/     any number; a match lying inside an except match does not count
 * date: /\bwithin\s+\d+\s+days\b/        promise rules only, one or more
 * explanation: Why this hurts the apology. Lines that start with whitespace
 *   continue the explanation or suggestion above them.
 * suggestion: Better wording.
 * </pre>
 * <ul>
 *   <li>{@code flag}: every occurrence of a {@code match} is a finding, with its position.</li>
 *   <li>{@code absence}: one whole-letter finding (no position) when no {@code match} occurs anywhere, e.g. "the
 *       letter never takes responsibility".</li>
 *   <li>{@code promise}: an occurrence is a finding only if no {@code date} pattern occurs in the same sentence.</li>
 * </ul>
 * Matching is case-insensitive and Unicode-aware. Before matching, typographic apostrophes, quotes and non-breaking
 * spaces in both the letter and the rules are folded one-for-one to their ASCII forms, so offsets still point into
 * the original letter and rule authors only ever write {@code '}. A phrase matches whole words with any run of
 * whitespace (including line breaks) between its words. Overlapping matches of the same rule count once, the earliest
 * and then longest winning. An {@code except} pattern must overlap its match and lie within
 * {@value io.amends.coach.control.RuleBook#EXCEPT_REACH} characters of it.
 *
 * <h2>Why it is fast</h2>
 * Patterns are compiled once per language and cached. Every phrase, and every regular expression that starts with
 * {@code \b} and a literal word or a group of literal words ({@code /\b(?:we|i)\s+will/}), is indexed by its possible
 * first words. A check walks the letter's words once, looks each one up without allocating, and tries only the
 * patterns that can start there; a rule's patterns sharing a first word are merged into one alternation. Only
 * regular expressions whose first word cannot be seen are searched over the whole letter, so rule authors should
 * start them with {@code \b} and a word. Except patterns are tried only near a match, and date patterns only in the
 * sentence of a promise. A 20 KB letter takes about a millisecond on a slow build machine, less for ordinary text.
 *
 * <h2>Drafting</h2>
 * {@link io.amends.coach.control.ApologyTemplate} fills built-in templates
 * ({@code io/amends/coach/templates_<lang>.txt}) whose filled-in text passes the coach without blocking findings.
 *
 * <p>Everything here is plain JDK code without container annotations, so it runs in unit tests and can be used from
 * any bean.
 */
package io.amends.coach;
