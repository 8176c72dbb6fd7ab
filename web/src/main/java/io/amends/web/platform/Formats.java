package io.amends.web.platform;

import io.amends.compensation.entity.Money;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * How the pages show money, moments and names: {@code #{fmt.money(minor, currency)}}, {@code #{fmt.at(instant)}}.
 *
 * <p>Moments are kept in UTC and shown in the user's time zone, which the browser reports in the {@code amends.tz}
 * cookie (set by amends.js); until it has, UTC.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    public static final String ZONE_COOKIE = "amends.tz";

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private ZoneId zone;

    /** The user's time zone. */
    public ZoneId zone() {
        if (zone == null) {
            zone = ZoneOffset.UTC;
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null && faces.getExternalContext().getRequest() instanceof HttpServletRequest request) {
                zone = zoneOf(request);
            }
        }
        return zone;
    }

    /** The zone a request's cookie names, or UTC. */
    public static ZoneId zoneOf(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (ZONE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() < 60) {
                    try {
                        return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (DateTimeException | IllegalArgumentException e) {
                        // a zone this JVM does not know: stay with UTC
                    }
                }
            }
        }
        return ZoneOffset.UTC;
    }

    public String getZoneName() {
        return zone().getId();
    }

    public String money(Long minor, String currency) {
        if (minor == null || currency == null) {
            return "—";
        }
        return Money.of(currency.trim(), minor).format();
    }

    public String money(Money money) {
        return money == null ? "—" : money.format();
    }

    /** A moment in the user's zone: "12 Dec 2026, 14:05". */
    public String at(Instant instant) {
        return instant == null ? "—" : MOMENT.format(instant.atZone(zone()));
    }

    public String day(Instant instant) {
        return instant == null ? "—" : DAY.format(instant.atZone(zone()));
    }

    /** The ISO form for data attributes and {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Basis points as a percentage: 540 is "5.40 %". */
    public String basisPoints(Long basisPoints) {
        if (basisPoints == null) {
            return "—";
        }
        return BigDecimal.valueOf(basisPoints, 2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** Minutes as "2 h", "3 d 4 h", "45 min". */
    public String minutes(long minutes) {
        Duration d = Duration.ofMinutes(minutes);
        if (d.toDays() > 0) {
            return d.toDays() + " d" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + " h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
        }
        return minutes + " min";
    }

    /** A constant's label from the bundle ({@code enum.CaseStatus.OPEN}), or its name made readable. */
    public String label(Enum<?> value) {
        if (value == null) {
            return "—";
        }
        try {
            return ResourceBundle.getBundle(Pages.BUNDLE, Locale.ENGLISH)
                    .getString("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
        } catch (MissingResourceException e) {
            String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    /** A CSS modifier for a constant: "status-open", "severity-high". */
    public String css(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
