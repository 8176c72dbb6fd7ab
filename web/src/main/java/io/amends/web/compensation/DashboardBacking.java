package io.amends.web.compensation;

import io.amends.compensation.boundary.SpendReports;
import io.amends.compensation.entity.Money;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Formats;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The finance dashboard: granted compensation by month and kind, spend against LTV by tier, the largest accounts by
 * 12-month spend, and finance's turnaround; one currency at a time (Amends converts none). Each chart's numbers
 * download as CSV from {@link DashboardCsvServlet}.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MONTHS = 12;
    static final int LARGEST = 10;

    private static final String[] PALETTE = {"#2f5d62", "#d08c2e", "#7a5195", "#3a8fb7", "#b54708", "#5b8c5a"};
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    @Inject
    SpendReports reports;

    @Inject
    Formats formats;

    @Inject
    Caller caller;

    private List<SpendReports.MonthlySpend> monthly;
    private List<SpendReports.TierSpend> tiers;
    private List<SpendReports.AccountSpend> largest;
    private List<SpendReports.Turnaround> turnaround;
    private List<String> currencies;
    private String currency;

    @PostConstruct
    void init() {
        monthly = reports.spendByMonth(caller, MONTHS);
        tiers = reports.spendAgainstLtvByTier(caller);
        largest = reports.largestAccounts(caller, 100);
        turnaround = reports.approvalTurnaround(caller, MONTHS);
        TreeSet<String> found = new TreeSet<>();
        monthly.forEach(m -> found.add(m.currency()));
        tiers.forEach(t -> found.add(t.currency()));
        currencies = new ArrayList<>(found);
        currency = found.contains("EUR") || found.isEmpty() ? "EUR" : found.first();
    }

    public List<YearMonth> months() {
        YearMonth last = YearMonth.now(formats.zone());
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    public String getSpendByMonthChart() {
        List<YearMonth> months = months();
        Map<String, long[]> byKind = new LinkedHashMap<>();
        for (SpendReports.MonthlySpend m : monthly) {
            int at = months.indexOf(m.month());
            if (m.currency().equals(currency) && at >= 0) {
                byKind.computeIfAbsent(m.kind(), k -> new long[months.size()])[at] += m.costMinor();
            }
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int colour = 0;
        for (Map.Entry<String, long[]> kind : byKind.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (long minor : kind.getValue()) {
                data.add(major(minor));
            }
            datasets.add(Json.createObjectBuilder().add("label", label("CompensationKind", kind.getKey())).add("data", data)
                    .add("backgroundColor", PALETTE[colour++ % PALETTE.length]));
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        months.forEach(m -> labels.add(MONTH.format(m)));
        return chart("bar", labels, datasets, options(true, currency, false));
    }

    public String getTierChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder ratios = Json.createArrayBuilder();
        for (SpendReports.TierSpend t : tiersInCurrency()) {
            labels.add(label("Tier", t.tier()));
            Long bp = t.ratioBasisPoints();
            ratios.add(bp == null ? BigDecimal.ZERO : BigDecimal.valueOf(bp, 2));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", "12-month spend as % of LTV").add("data", ratios).add("backgroundColor", PALETTE[0]));
        return chart("bar", labels, datasets, options(false, "%", false));
    }

    public String getLargestChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        largestInCurrency().forEach(a -> {
            labels.add(a.name().length() > 28 ? a.name().substring(0, 27) + "…" : a.name());
            data.add(major(a.spend12mMinor()));
        });
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", "12-month spend (" + currency + ")").add("data", data).add("backgroundColor", PALETTE[1]));
        return chart("bar", labels, datasets, options(false, currency, true));
    }

    public String getTurnaroundChart() {
        List<YearMonth> months = months();
        double[] hours = new double[months.size()];
        long[] decided = new long[months.size()];
        for (SpendReports.Turnaround t : turnaround) {
            int at = months.indexOf(t.month());
            if (at >= 0) {
                hours[at] = t.averageHours();
                decided[at] = t.decided();
            }
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        months.forEach(m -> labels.add(MONTH.format(m)));
        JsonArrayBuilder h = Json.createArrayBuilder();
        JsonArrayBuilder d = Json.createArrayBuilder();
        for (int i = 0; i < hours.length; i++) {
            h.add(BigDecimal.valueOf(hours[i]).setScale(1, RoundingMode.HALF_UP));
            d.add(decided[i]);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "line").add("label", "Average hours to decide").add("data", h)
                        .add("borderColor", PALETTE[0]).add("backgroundColor", PALETTE[0]).add("yAxisID", "y"))
                .add(Json.createObjectBuilder().add("type", "bar").add("label", "Proposals decided").add("data", d)
                        .add("backgroundColor", "#d9e2ec").add("yAxisID", "y1"));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left")
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "hours")))
                .add("y1", Json.createObjectBuilder().add("beginAtZero", true).add("position", "right")
                        .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
                        .add("ticks", Json.createObjectBuilder().add("precision", 0)));
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false).add("scales", scales)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")));
        return chart("bar", labels, datasets, options);
    }

    private static JsonObjectBuilder options(boolean stacked, String unit, boolean horizontal) {
        JsonObjectBuilder axis = Json.createObjectBuilder().add("beginAtZero", true)
                .add("title", Json.createObjectBuilder().add("display", true).add("text", unit));
        JsonObjectBuilder other = Json.createObjectBuilder();
        if (stacked) {
            axis.add("stacked", true);
            other.add("stacked", true);
        }
        JsonObjectBuilder scales = Json.createObjectBuilder().add(horizontal ? "x" : "y", axis).add(horizontal ? "y" : "x", other);
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false).add("scales", scales)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return options;
    }

    /** A Chart.js configuration; "<" is escaped so no label can close the script element it is written into. */
    private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder options) {
        JsonObject config = Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build();
        return config.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private BigDecimal major(long minor) {
        return Money.of(currency, minor).toBigDecimal();
    }

    private static String label(String type, String name) {
        String key = "enum." + type + "." + name;
        String text = io.amends.web.platform.Pages.text(key);
        return text.equals(key) ? name : text;
    }

    public List<SpendReports.TierSpend> tiersInCurrency() {
        return tiers.stream().filter(t -> t.currency().equals(currency)).toList();
    }

    public List<SpendReports.AccountSpend> largestInCurrency() {
        return largest.stream().filter(a -> a.currency().equals(currency)).limit(LARGEST).toList();
    }

    public List<SpendReports.Turnaround> getTurnaround() {
        return turnaround;
    }

    public long totalGrantedMinor() {
        return monthly.stream().filter(m -> m.currency().equals(currency)).mapToLong(SpendReports.MonthlySpend::costMinor).sum();
    }

    public long totalGrantedCount() {
        return monthly.stream().filter(m -> m.currency().equals(currency)).mapToLong(SpendReports.MonthlySpend::proposals).sum();
    }

    public boolean isEmptyMonthly() {
        return monthly.stream().noneMatch(m -> m.currency().equals(currency));
    }

    public String hours(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + " h";
    }

    public List<String> getCurrencies() {
        return currencies.isEmpty() ? List.of(currency) : currencies;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
