package io.amends.compensation.entity;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money that is never negative: whole minor units (cents) of one ISO 4217 currency.
 *
 * <p>Minor units in a {@code long} keep arithmetic exact and map to the {@code BIGINT amount_minor} plus
 * {@code CHAR(3) currency} columns the schema uses everywhere; entities with other column names (such as
 * {@code ltv_minor}) use {@code @AttributeOverride}. Compensation, spend and LTV are never negative, so a negative
 * result is a bug upstream and is refused at the point it would appear rather than stored. Overflow is refused
 * too: {@code Math.addExact} and friends turn a silent wrap-around into an {@link ArithmeticException}.
 *
 * <p>The fields are not {@code final} only because JPA writes them when it loads a row; no method changes them.
 */
@Embeddable
@Access(AccessType.FIELD)
public final class Money implements Comparable<Money>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Basis points in one whole: 10,000 bp = 100%. */
    private static final BigDecimal BASIS_POINTS_IN_ONE = BigDecimal.valueOf(10_000);

    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    // Deliberately no sign, exponent or grouping: input is either unambiguous or refused.
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    @Column(name = "amount_minor")
    private long amountMinor;

    @Column(name = "currency", length = 3)
    private String currency;

    protected Money() {
        // for JPA
    }

    private Money(String currency, long amountMinor) {
        this.currency = currency;
        this.amountMinor = amountMinor;
    }

    /** The amount {@code amountMinor} minor units of {@code currency}, e.g. {@code of("EUR", 1250)} is EUR 12.50. */
    public static Money of(String currency, long amountMinor) {
        String code = checkedCurrency(currency);
        if (amountMinor < 0) {
            throw new IllegalArgumentException(
                    "Money is never negative, but got " + amountMinor + " minor units of " + code);
        }
        return new Money(code, amountMinor);
    }

    public static Money zero(String currency) {
        return of(currency, 0);
    }

    /**
     * Reads a plain decimal such as {@code "12.50"} or {@code "12"} in the given currency.
     *
     * <p>More decimals than the currency has are refused even when they are zeros: "12.500" is twelve thousand five
     * hundred to many Europeans, so guessing would be worse than asking again. Signs, exponents and thousands
     * separators are refused for the same reason.
     *
     * @throws IllegalArgumentException if the text is not such a decimal, is negative, has too many decimals or is
     *                                  too large to be held in minor units
     */
    public static Money parse(String currency, String amount) {
        String code = checkedCurrency(currency);
        if (amount == null) {
            throw new IllegalArgumentException("An amount of " + code + " is required");
        }
        String text = amount.strip();
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("Money is never negative, but got " + code + " " + text);
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "Not an amount: '" + amount + "'; expected digits with an optional decimal point, like 12.50");
        }
        BigDecimal value = new BigDecimal(text);
        int digits = fractionDigits(code);
        if (value.scale() > digits) {
            throw new IllegalArgumentException(code + " has " + digits + " decimal" + (digits == 1 ? "" : "s")
                    + ", but '" + text + "' has " + value.scale());
        }
        try {
            return new Money(code, value.movePointRight(digits).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException(code + " " + text + " is too large for an amount of money", tooLarge);
        }
    }

    public long amountMinor() {
        return amountMinor;
    }

    /** The ISO 4217 code, e.g. {@code "EUR"}. */
    public String currency() {
        return currency;
    }

    /** How many decimals the currency has: 2 for EUR, 0 for JPY, 3 for BHD. */
    public int fractionDigits() {
        return fractionDigits(currency);
    }

    /** The amount in major units, with exactly as many decimals as the currency has. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(amountMinor, fractionDigits());
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    /**
     * @throws IllegalArgumentException on a currency mismatch
     * @throws ArithmeticException      if the sum is too large to be held in minor units
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(currency, Math.addExact(amountMinor, other.amountMinor));
        } catch (ArithmeticException overflow) {
            throw new ArithmeticException(format() + " + " + other.format() + " is too large for an amount of money");
        }
    }

    /**
     * @throws IllegalArgumentException on a currency mismatch or if {@code other} is larger than this, because money
     *                                  is never negative
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        if (other.amountMinor > amountMinor) {
            throw new IllegalArgumentException(
                    "Cannot take " + other.format() + " from " + format() + ": money is never negative");
        }
        return new Money(currency, amountMinor - other.amountMinor);
    }

    /**
     * This amount times {@code basisPoints / 10,000}, rounded half up to a whole minor unit; {@code times(250)} is
     * 2.5% of it, {@code times(15_000)} is 1.5 times it.
     *
     * @throws IllegalArgumentException if {@code basisPoints} is negative
     * @throws ArithmeticException      if the result is too large to be held in minor units
     */
    public Money times(long basisPoints) {
        if (basisPoints < 0) {
            throw new IllegalArgumentException("A negative share (" + basisPoints + " bp) would make money negative");
        }
        // BigDecimal because the intermediate product can overflow a long even when the result fits.
        BigDecimal result = BigDecimal.valueOf(amountMinor)
                .multiply(BigDecimal.valueOf(basisPoints))
                .divide(BASIS_POINTS_IN_ONE, 0, RoundingMode.HALF_UP);
        try {
            return new Money(currency, result.longValueExact());
        } catch (ArithmeticException overflow) {
            throw new ArithmeticException(
                    format() + " × " + basisPoints + " bp is too large for an amount of money");
        }
    }

    /** @throws IllegalArgumentException on a currency mismatch, since EUR 10 and USD 10 are not comparable */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    /** @throws IllegalArgumentException on a currency mismatch */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** @throws IllegalArgumentException on a currency mismatch */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** @throws IllegalArgumentException on a currency mismatch */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** @throws IllegalArgumentException unless {@code other} is in the same currency as this */
    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other amount");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + format() + " and " + other.format()
                    + " are in different currencies and cannot be combined or compared");
        }
    }

    /**
     * For people and explanations: the code, a space and the amount with comma thousands separators and all the
     * currency's decimals, e.g. {@code "EUR 1,234.50"} or {@code "JPY 1,234"}; independent of the server's locale.
     */
    public String format() {
        String plain = toBigDecimal().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point);
        StringBuilder grouped = new StringBuilder(whole.length() + whole.length() / 3);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return currency + " " + grouped + fraction;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amountMinor == other.amountMinor && Objects.equals(currency, other.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, amountMinor);
    }

    @Override
    public String toString() {
        return format();
    }

    private static String checkedCurrency(String code) {
        if (code == null) {
            throw new IllegalArgumentException("A currency is required");
        }
        if (!ISO_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "A currency is an ISO 4217 code of three upper-case letters, like EUR, not '" + code + "'");
        }
        fractionDigits(code);
        return code;
    }

    private static int fractionDigits(String code) {
        Currency known;
        try {
            known = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown currency: " + code, unknown);
        }
        int digits = known.getDefaultFractionDigits();
        // Pseudo-currencies such as XAU (gold) or XXX have no minor unit, so they cannot be counted in one.
        if (digits < 0) {
            throw new IllegalArgumentException(code + " has no minor unit and cannot be used for money");
        }
        return digits;
    }
}
