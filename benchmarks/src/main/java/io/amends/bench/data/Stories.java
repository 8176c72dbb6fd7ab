package io.amends.bench.data;

import static io.amends.bench.data.World.DAY;
import static io.amends.bench.data.World.HOUR;
import static io.amends.bench.data.World.MINUTE;
import static io.amends.bench.data.World.SECOND;
import static io.amends.bench.data.World.micros;

import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Severity;
import io.amends.coach.control.ApologyTemplate;
import io.amends.coach.control.Coach;
import io.amends.compensation.control.Policy;
import io.amends.compensation.control.PolicyDecision;
import io.amends.compensation.control.PolicyRequest;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import io.amends.fulfillment.discounts.control.CodeGenerator;
import io.amends.fulfillment.discounts.entity.DiscountCode;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The cases, simulated in time order over the two years before {@code now}: every step of every case (and of its
 * compensation, gift order and discount code) runs in the order the application would have run it, so that what a
 * step reads (the lifetime value in force, the account's 12-month spend for the policy and the audit entry) is what
 * the database held at that moment, and the audit entries come out in time order, sealed one after the other. A case
 * is written out when it is closed, or at the end as it stands at {@code now}.
 *
 * <p>What each step writes is what the boundary that does it in the application writes: {@code Cases},
 * {@code ContactLogs}, {@code Apologies}, {@code Commitments}, {@code Escalations} (the SLA sweep), {@code Proposals},
 * {@code Fulfilling} and fulfillment's {@code Orders}, {@code Dispatch} and {@code Discounts}: the same statuses,
 * kinds, timeline lines and audit actions, with the same wording.
 */
final class Stories {

    /** How much of the timeline is written. */
    enum Timeline {
        /** Opening, the step to the current state, breaches and compensation: about 4 lines a case. */
        COMPACT,
        /** Also every status step on the way. */
        MILESTONES,
        /** Every line the application writes. */
        FULL
    }

    private enum Level { ALWAYS, STATUS, DETAIL }

    private enum Kind {
        CONTACT, CONFIRM, FOLLOW_UP, BREACH, DRAFT, SEND, PROMISE, PROMISE_SETTLE, PROPOSE, APPROVE, REJECT, WITHDRAW, SUBMIT, ACCEPT,
        SHIP, DELIVER, UNDELIVERABLE, REDEEM, RESOLVE, REOPEN, DRAFT2, SEND2, RESOLVE2, CLOSE
    }

    private record Step(long at, long order, Story story, Kind kind, Object what) implements Comparable<Step> {
        @Override
        public int compareTo(Step o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private static final long YEAR = 365 * DAY;
    private static final long RECURRENCE_WINDOW = 180 * DAY;
    private static final long QUIET_PERIOD = 14 * DAY;
    private static final long POLL_INTERVAL = 15 * MINUTE;
    private static final long BATCH_ROWS = 250_000;
    private static final String SWEEP = "sla-sweep";
    private static final String FULFILLMENT = "fulfillment";
    private static final String SYSTEM = "SYSTEM";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final World world;
    private final Ids ids;
    private final Loader loader;
    private final Chain chain;
    private final Timeline timeline;
    private final long now;
    private final long seed;
    private final int managersInFixtures;
    private final CodeGenerator codes;
    private final Set<String> issuedCodes = new HashSet<>();
    private final Map<String, ApologyTemplate> templates = ApologyTemplate.builtIn("en");
    private final Map<String, String> findings = new HashMap<>();
    private final PriorityQueue<Step> queue = new PriorityQueue<>();
    private long order;
    private Batch batch = new Batch();

    private final List<List<Story.Proposal>> spendOf;
    private final List<List<Story>> openingsOf;
    private Story[] alive;
    private final Map<Integer, List<Story>> waiting = new HashMap<>();
    private long vendorOrders = 100_000;

    // for the fixtures and the summary
    final List<long[]> activeCases = new ArrayList<>();
    final List<String> validCodes = new ArrayList<>();
    long firstCaseId = -1;
    long lastCaseNumber = -1;
    final Map<String, Integer> statuses = new HashMap<>();
    int pendingProposals;

    Stories(World world, Ids ids, Loader loader, Chain chain, Timeline timeline, long now, long seed, int managersInFixtures)
            throws NoSuchAlgorithmException {
        this.world = world;
        this.ids = ids;
        this.loader = loader;
        this.chain = chain;
        this.timeline = timeline;
        this.now = now;
        this.seed = seed;
        this.managersInFixtures = managersInFixtures;
        SecureRandom codeRandom = SecureRandom.getInstance("SHA1PRNG");
        codeRandom.setSeed(seed ^ 0x5DEECE66DL); // seeded before first use: the same codes for the same seed
        this.codes = new CodeGenerator(codeRandom);
        int accounts = world.accountId.length;
        spendOf = new ArrayList<>(accounts);
        openingsOf = new ArrayList<>(accounts);
        for (int a = 0; a < accounts; a++) {
            spendOf.add(null);
            openingsOf.add(null);
        }
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Opens {@code count} cases at the given times (ascending) for the given accounts and runs every step up to now.
     * {@code progress} is told after each share of the cases.
     */
    void run(long[] openedAt, int[] accountOf, Runnable progress) {
        int count = openedAt.length;
        alive = new Story[count];
        firstCaseId = ids.next(Table.APOLOGY_CASE);
        long firstNumber = ids.firstCaseNumber();
        int reportEvery = Math.max(1, count / 10);
        int next = 0;
        while (next < count || !queue.isEmpty()) {
            Step step = queue.peek();
            if (next < count && (step == null || openedAt[next] <= step.at())) {
                open(next, next == 0 ? firstCaseId : ids.next(Table.APOLOGY_CASE), firstNumber + next, openedAt[next], accountOf[next]);
                next++;
                if (next % reportEvery == 0) {
                    progress.run();
                }
            } else {
                queue.poll();
                run(step);
            }
            if (batch.size() >= BATCH_ROWS) {
                hand();
            }
        }
        lastCaseNumber = firstNumber + count - 1;
        for (Story story : alive) {
            if (story != null) {
                write(story);
            }
        }
        hand();
    }

    /** Hands the rows gathered so far to the loader. */
    private void hand() {
        if (batch.size() > 0) {
            loader.submit(batch);
            batch = new Batch();
        }
    }

    private void at(long time, Story story, Kind kind, Object what) {
        if (time >= 0 && time <= now) {
            queue.add(new Step(time, order++, story, kind, what));
        }
    }

    private void run(Step step) {
        Story s = step.story();
        long t = step.at();
        switch (step.kind()) {
            case CONTACT -> contact(s, t);
            case CONFIRM -> confirm(s, t);
            case FOLLOW_UP -> followUp(s, t);
            case BREACH -> breach(s, (Story.Clock) step.what(), t);
            case DRAFT -> draft(s, t);
            case SEND, SEND2 -> send(s, (Story.Letter) step.what(), t);
            case PROMISE -> promise(s, t);
            case PROMISE_SETTLE -> settlePromise(s, t);
            case PROPOSE -> propose(s, t);
            case APPROVE -> approve(s, (Integer) step.what(), t);
            case REJECT -> reject(s, t);
            case WITHDRAW -> withdraw(s, t);
            case SUBMIT -> submit(s, t);
            case ACCEPT -> vendorReports(s, "ACCEPTED", "confirmed", t);
            case SHIP -> vendorReports(s, "SHIPPED", "dispatched", t);
            case DELIVER -> vendorReports(s, "DELIVERED", "delivered", t);
            case UNDELIVERABLE -> vendorReports(s, "FAILED", "undeliverable", t);
            case REDEEM -> redeem(s, t);
            case RESOLVE, RESOLVE2 -> resolve(s, t);
            case REOPEN -> reopen(s, t);
            case DRAFT2 -> draft(s, t);
            case CLOSE -> close(s, t);
        }
    }

    // ---------------------------------------------------------------- opening and the plan

    private void open(int index, long id, long number, long t, int account) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        int first = world.firstContact[account];
        int contact = first;
        for (int tries = 0; tries < 3; tries++) { // a contact with a postal address if there is one
            contact = first + r.nextInt(world.contactCount[account]);
            if (world.hasAddress(contact)) {
                break;
            }
        }
        int cause = world.causes.isEmpty() || r.nextDouble() < 0.05 ? -1 : r.nextInt(world.causes.size());
        Severity reported = severity(r);
        String key = ApologyCase.keyFor(micros(t).atZone(ZoneOffset.UTC).getYear(), number);
        Story s = new Story(index, id, key, account, contact, world.manager[account], t, cause, reported);
        alive[index] = s;
        Words.CauseTexts texts = Words.forCause(cause < 0 ? null : world.causes.get(cause).code());
        s.channel = pick(r, new String[] {"PHONE", "PHONE", "EMAIL", "EMAIL", "HELPDESK", "PORTAL", "API"});
        s.title = Words.pick(r, texts.titles());
        s.description = Words.pick(r, texts.descriptions());
        s.tier = world.tierAt(account, t);
        int[] sla = world.sla(reported, s.tier); // Cases.open: deadlines from the severity as reported
        s.firstContactDue = t + sla[0] * MINUTE;
        s.resolutionDue = t + sla[1] * MINUTE;
        if (cause >= 0) {
            List<Story> earlier = openingsOf.get(account);
            if (earlier == null) {
                earlier = new ArrayList<>(4);
                openingsOf.set(account, earlier);
            }
            earlier.removeIf(e -> e.openedAt < t - RECURRENCE_WINDOW);
            Story latest = null;
            for (Story e : earlier) { // ApologyCase.EARLIER_OF_ACCOUNT_WITH_CAUSE, and the policy's count of recurrences
                if (e.cause == cause) {
                    s.recurrences++;
                    latest = e;
                }
            }
            if (latest != null) {
                s.recurrenceOf = latest.id;
                s.recurrenceParent = latest;
                s.recurrenceKey = latest.key;
                if (s.severity.ordinal() < Severity.values().length - 1) {
                    s.severity = Severity.values()[s.severity.ordinal() + 1];
                }
            }
            earlier.add(s);
        }
        s.clocks.add(clock(s, "FIRST_CONTACT", null, s.firstContactDue));
        Story.Clock resolution = clock(s, "RESOLUTION", null, s.resolutionDue);
        s.clocks.add(resolution);
        plan(s, r, texts);

        String owner = owner(s);
        line(s, t, owner, "ACCOUNT_MANAGER", "OPENED", "Case opened: " + s.title + " (" + s.severity + ", first contact due "
                + micros(s.firstContactDue) + ")", true, Level.ALWAYS);
        line(s, t, owner, "ACCOUNT_MANAGER", "SLA_SET", "Deadlines for a " + s.tier + " customer: first contact by "
                + micros(s.firstContactDue) + ", resolution by " + micros(s.resolutionDue), false, Level.ALWAYS);
        if (s.recurrenceOf != null) {
            line(s, t, owner, "ACCOUNT_MANAGER", "RECURRENCE", "Same root cause as " + s.recurrenceKey + " within "
                    + RECURRENCE_WINDOW / DAY + " days: severity raised to " + s.severity, false, Level.ALWAYS);
        }
        at(breachAt(s.firstContactDue, s.contactAt), s, Kind.BREACH, s.clocks.get(0));
        at(breachAt(s.resolutionDue, s.resolveAt), s, Kind.BREACH, resolution);
        at(s.contactAt, s, Kind.CONTACT, null);
        at(s.confirmAt, s, Kind.CONFIRM, null);
        at(s.followUpAt, s, Kind.FOLLOW_UP, null);
        at(s.draftAt, s, Kind.DRAFT, null);
        at(s.promiseAt, s, Kind.PROMISE, null);
        at(s.offer == null ? -1 : s.offer.at, s, Kind.PROPOSE, null);
        at(s.resolveAt, s, Kind.RESOLVE, null);
        at(s.reopenAt, s, Kind.REOPEN, null);
        if (s.reopenAt >= 0) {
            at(s.draft2At, s, Kind.DRAFT2, null);
            at(s.resolve2At, s, Kind.RESOLVE2, null);
        }
        at(s.closeAt, s, Kind.CLOSE, null);
    }

    /** Draws the times of every step of the case; a step later than now does not happen (yet). */
    private void plan(Story s, SplittableRandom r, Words.CauseTexts texts) {
        long window = s.firstContactDue - s.openedAt;
        boolean late = r.nextDouble() < 0.12;
        s.contactAt = late ? s.firstContactDue + MINUTE + (long) (exp(r) * Math.max(window / 2, 30 * MINUTE))
                : s.openedAt + (long) ((0.05 + 0.9 * r.nextDouble()) * window);
        s.occurredAt = s.contactAt - Math.min((long) (r.nextDouble() * 15 * MINUTE), s.contactAt - s.openedAt);
        s.talkChannel = r.nextDouble() < 0.7 ? "CALL" : r.nextDouble() < 0.6 ? "EMAIL" : "MEETING";
        if (world.contactEmail[s.contact] != null && r.nextDouble() < 0.65) {
            s.confirmAt = s.contactAt + 10 * MINUTE + (long) (r.nextDouble() * 6 * HOUR);
        }
        // the work before resolution fits the resolution window mostly: a tight deadline is worked on at once
        long window2 = Math.max(s.resolutionDue - s.contactAt, 6 * HOUR);
        s.draftAt = s.contactAt + 20 * MINUTE + (long) (r.nextDouble() < 0.9 ? (0.02 + 0.2 * r.nextDouble()) * window2 : exp(r) * 0.4 * window2);
        s.sendAt = s.draftAt + 10 * MINUTE + (long) (r.nextDouble() * Math.min(8 * HOUR, window2 / 10));
        s.template = r.nextDouble() < 0.5 ? "short" : r.nextDouble() < 0.6 ? "standard" : "let-you-down";
        long ready = s.sendAt;
        if (r.nextDouble() < 0.25) {
            s.promiseAt = s.sendAt + (long) (r.nextDouble() * Math.min(DAY, window2 / 10));
            long lead = r.nextDouble() < 0.7 ? Math.max(DAY, (long) ((0.2 + 0.6 * r.nextDouble()) * (s.resolutionDue - s.promiseAt)))
                    : (3 + r.nextInt(19)) * DAY;
            long day = Math.floorDiv(s.promiseAt + lead, DAY) * DAY;
            s.promiseDue = day + 16 * HOUR;
            double u = r.nextDouble();
            long span = s.promiseDue - s.promiseAt;
            if (u < 0.85) {
                s.promiseOutcome = "DONE";
                s.promiseSettle = s.promiseAt + (long) ((0.2 + 0.75 * r.nextDouble()) * span);
            } else if (u < 0.95) {
                s.promiseOutcome = "DONE"; // late: the sweep marks it missed first
                s.promiseSettle = s.promiseDue + 2 * MINUTE + (long) (exp(r) * 2 * DAY);
            } else {
                s.promiseOutcome = "WAIVED";
                s.promiseSettle = s.promiseAt + (long) ((0.2 + 0.7 * r.nextDouble()) * span);
            }
            ready = Math.max(ready, s.promiseSettle);
        }
        if (r.nextDouble() < 0.33) {
            s.offer = offer(s, r);
            Story.Offer o = s.offer;
            // the latest the compensation can be settled, whatever the policy says: the case is resolved after that
            ready = Math.max(ready, o.at + o.secondDecision + (o.item == null ? 0 : o.submit + o.accept + o.ship + o.deliver));
        }
        long resolutionWindow = s.resolutionDue - s.openedAt;
        long planned = r.nextDouble() < 0.88 ? s.openedAt + (long) ((0.25 + 0.6 * r.nextDouble()) * resolutionWindow)
                : s.resolutionDue + 2 * MINUTE + (long) (exp(r) * 0.3 * resolutionWindow);
        s.resolveAt = Math.max(Math.max(planned, s.sendAt + HOUR), ready + HOUR + (long) (r.nextDouble() * 6 * HOUR));
        if (r.nextDouble() < 0.1) {
            long followUp = s.contactAt + DAY + (long) (r.nextDouble() * 3 * DAY);
            if (followUp < s.resolveAt - HOUR) {
                s.followUpAt = followUp;
            }
        }
        long lastResolve = s.resolveAt;
        if (r.nextDouble() < 0.04) {
            s.reopenAt = s.resolveAt + DAY + (long) (r.nextDouble() * 11 * DAY);
            s.reopenDue = s.reopenAt + world.sla(s.severity, world.tierAt(s.account, s.reopenAt))[1] * MINUTE;
            s.draft2At = s.reopenAt + HOUR + (long) (r.nextDouble() * 20 * HOUR);
            s.send2At = s.draft2At + 10 * MINUTE + (long) (r.nextDouble() * 4 * HOUR);
            s.resolve2At = s.send2At + HOUR + (long) (exp(r) * 36 * HOUR);
            lastResolve = s.resolve2At;
        }
        s.closeConfirmed = r.nextDouble() < 0.55;
        s.closeAt = s.closeConfirmed ? lastResolve + HOUR + Math.min((long) (exp(r) * 3 * DAY), 13 * DAY)
                : sweepAfter(lastResolve + QUIET_PERIOD);
        for (long status : new long[] {s.contactAt, s.sendAt, s.resolveAt, s.reopenAt, s.reopenAt < 0 ? -1 : s.send2At,
                s.reopenAt < 0 ? -1 : s.resolve2At, s.closeAt}) {
            if (status >= 0 && status <= now) {
                s.lastStatusAt = Math.max(s.lastStatusAt, status);
            }
        }
    }

    /** A compensation: a gift from the catalog (deliverable there, in the account's currency) or a discount code. */
    private Story.Offer offer(Story s, SplittableRandom r) {
        Story.Offer o = new Story.Offer();
        long window = Math.max(s.resolutionDue - s.contactAt, 6 * HOUR);
        o.at = s.contactAt + HOUR + (long) (r.nextDouble() * Math.min(71 * HOUR, 0.3 * window));
        o.firstDecision = 10 * MINUTE + (long) (exp(r) * Math.min(20 * HOUR, 0.25 * window));
        o.secondDecision = o.firstDecision + 10 * MINUTE + (long) (exp(r) * Math.min(12 * HOUR, 0.15 * window));
        o.reject = r.nextDouble() < 0.12;
        o.rejectReason = Words.pick(r, Words.REJECT_REASONS);
        if (r.nextDouble() < 0.03) {
            o.withdrawAt = o.at + (long) ((0.1 + 0.8 * r.nextDouble()) * o.firstDecision);
        }
        o.approver1 = r.nextInt(world.finance.size());
        o.approver2 = (o.approver1 + 1 + r.nextInt(world.finance.size() - 1)) % world.finance.size();
        o.submit = SECOND + (long) (r.nextDouble() * 4 * SECOND);
        o.accept = HOUR + (long) (r.nextDouble() * 7 * HOUR);
        o.ship = 12 * HOUR + (long) (r.nextDouble() * 24 * HOUR);
        o.deliver = 12 * HOUR + (long) (r.nextDouble() * 48 * HOUR);
        o.failAtSubmit = r.nextDouble() < 0.015;
        o.undeliverable = !o.failAtSubmit && r.nextDouble() < 0.03;
        o.redeemAfter = r.nextDouble() < 0.75 ? HOUR + (long) (exp(r) * 50 * DAY) : -1;
        o.storefront = Words.pick(r, Words.STOREFRONTS);
        o.storefrontOrder = "SO-" + (10_000_000 + r.nextInt(90_000_000));
        String currency = world.currency[s.account];
        String country = world.country[s.account].code();
        // an order the vendor may still have at now goes to the simulated vendor, whom the dispatcher can ask for news
        boolean maybeInFlight = o.at + o.secondDecision + o.submit + o.accept + o.ship + o.deliver > now;
        List<World.Item> gifts = world.catalog.stream().filter(i -> i.currency().equals(currency) && i.countries().contains(country))
                .filter(i -> !maybeInFlight || "simulated".equals(i.vendor())).toList();
        double kindDraw = r.nextDouble();
        if (world.hasAddress(s.contact) && !gifts.isEmpty() && r.nextDouble() < 0.35) {
            String kind = kindDraw < 0.55 ? "FLOWERS" : kindDraw < 0.8 ? "CHOCOLATES" : "HANDWRITTEN_CARD";
            List<World.Item> ofKind = gifts.stream().filter(i -> i.kind().equals(kind)).toList();
            World.Item item = Words.pick(r, ofKind.isEmpty() ? gifts : ofKind);
            o.kind = item.kind();
            o.item = item;
            o.cost = item.priceMinor();
            o.description = switch (o.kind) {
                case "FLOWERS" -> "Flowers";
                case "CHOCOLATES" -> "Chocolates";
                default -> "Handwritten card";
            };
            if ("HANDWRITTEN_CARD".equals(o.kind) || r.nextDouble() < 0.5) {
                o.cardMessage = "Dear " + world.contactName[s.contact].split(" ")[0] + ", we are sorry for what happened and thank you "
                        + "for your patience. " + world.managers.get(s.owner).displayName().split(" ")[0];
            }
        } else {
            o.kind = "DISCOUNT_CODE";
            if (r.nextDouble() < 0.6) {
                o.discountType = "AMOUNT";
                o.discountValue = Math.max(500, Math.round(Math.exp(Math.log(1000) + r.nextDouble() * Math.log(80)) / 500) * 500);
                o.cost = o.discountValue;
                o.description = "Discount " + Money.of(currency, o.discountValue).format();
            } else {
                o.discountType = "PERCENT";
                o.discountValue = 5L * (1 + r.nextInt(6));
                o.cost = Math.max(100, o.discountValue * (2_000 + r.nextInt(148_000)) / 100 / 100 * 100);
                o.description = "Discount " + o.discountValue + "%";
            }
        }
        return o;
    }

    // ---------------------------------------------------------------- contact, apology, commitment

    private void contact(Story s, long t) {
        Story.Talk talk = new Story.Talk();
        talk.id = ids.next(Table.CONTACT_LOG);
        talk.channel = s.talkChannel;
        talk.occurred = s.occurredAt;
        talk.logged = t;
        SplittableRandom r = new SplittableRandom(mix(seed ^ 0x7A1CL, s.index));
        Words.CauseTexts texts = texts(s);
        talk.summary = Words.pick(r, texts.summaries());
        talk.asked = r.nextDouble() < 0.6 ? Words.pick(r, texts.asks()) : null;
        s.talks.add(talk);
        logged(s, talk, t);
    }

    private void followUp(Story s, long t) {
        Story.Talk talk = new Story.Talk();
        talk.id = ids.next(Table.CONTACT_LOG);
        talk.channel = "EMAIL";
        talk.occurred = t - 5 * MINUTE;
        talk.logged = t;
        talk.summary = "Followed up on the open points; the customer is kept informed";
        s.talks.add(talk);
        logged(s, talk, t);
    }

    /** {@code ContactLogs.log}: the first contact stops its clock; an open or reopened case is now contacted. */
    private void logged(Story s, Story.Talk talk, long t) {
        boolean first = s.firstContactAt < 0;
        if (first) {
            s.firstContactAt = talk.occurred;
            settle(s, "FIRST_CONTACT", null, talk.occurred, true);
        }
        boolean moved = "OPEN".equals(s.status) || "REOPENED".equals(s.status);
        if (moved) {
            s.status = "CONTACTED";
        }
        s.version++;
        String owner = owner(s);
        line(s, t, owner, "ACCOUNT_MANAGER", "CONTACT_LOGGED", talk.channel.toLowerCase(Locale.ROOT) + " with the customer: " + talk.summary,
                false, Level.DETAIL);
        if (moved) {
            line(s, t, owner, "ACCOUNT_MANAGER", "CONTACTED", "We spoke with you about this and are working on it", true, Level.STATUS);
        }
    }

    private void confirm(Story s, long t) {
        Story.Talk talk = s.talks.get(0);
        talk.confirmed = true;
        line(s, t, owner(s), "ACCOUNT_MANAGER", "CONTACT_CONFIRMED", "We confirmed our conversation of "
                + LONG_DATE.format(micros(talk.occurred)) + " by email", true, Level.DETAIL);
    }

    private void draft(Story s, long t) {
        Story.Letter letter = new Story.Letter();
        letter.id = ids.next(Table.APOLOGY);
        letter.created = t;
        SplittableRandom r = new SplittableRandom(mix(seed ^ 0xA901L, s.index * 2L + s.letters.size()));
        Words.CauseTexts texts = texts(s);
        int issue = r.nextInt(texts.issues().size());
        int reason = r.nextInt(texts.reasons().size());
        int fix = r.nextInt(texts.fixes().size());
        String name = s.letters.isEmpty() ? s.template : "short";
        ApologyTemplate template = templates.getOrDefault(name, templates.values().iterator().next());
        letter.body = template.fill(Map.of("contact", world.contactName[s.contact], "issue", texts.issues().get(issue),
                "reason", texts.reasons().get(reason), "fix", texts.fixes().get(fix),
                "fixDate", SHORT_DATE.format(micros(t + 7 * DAY)), "sender", world.managers.get(s.owner).displayName())).strip();
        String language = world.language[s.account];
        letter.findings = findings.computeIfAbsent(language + "/" + template.name() + "/" + texts.titles().get(0) + "/" + issue + "/"
                + reason + "/" + fix, k -> summary(language, letter.body));
        s.letters.add(letter);
        line(s, t, owner(s), "ACCOUNT_MANAGER", "APOLOGY_DRAFTED", "Apology drafted", false, Level.DETAIL);
        at(s.letters.size() == 1 ? s.sendAt : s.send2At, s, s.letters.size() == 1 ? Kind.SEND : Kind.SEND2, letter);
    }

    /** The coach's findings as {@code Apologies.summary} keeps them with the letter. */
    private static String summary(String language, String body) {
        String text = Coach.forLanguage(language).check(body).findings().stream()
                .map(f -> f.severity() + " " + f.ruleId() + (f.matchedText().isEmpty() ? "" : " \"" + f.matchedText() + "\""))
                .collect(Collectors.joining("; "));
        return text.length() > 8000 ? text.substring(0, 7999) : text;
    }

    private void send(Story s, Story.Letter letter, long t) {
        letter.sent = t;
        String owner = owner(s);
        line(s, t, owner, "ACCOUNT_MANAGER", "APOLOGY_SENT", "We sent you our apology", true, Level.DETAIL);
        if ("CONTACTED".equals(s.status) || "REOPENED".equals(s.status)) {
            s.status = "APOLOGIZED";
            s.version++;
            line(s, t, owner, "ACCOUNT_MANAGER", "APOLOGIZED", "Apology sent; the case is now apologized", false, Level.STATUS);
        }
    }

    private void promise(Story s, long t) {
        Story.Promise p = new Story.Promise();
        p.id = ids.next(Table.COMMITMENT);
        p.description = Words.pick(new SplittableRandom(mix(seed ^ 0xC0L, s.index)), texts(s).commitments());
        p.due = s.promiseDue;
        p.created = t;
        p.clock = clock(s, "COMMITMENT", p.id, p.due);
        s.clocks.add(p.clock);
        s.promise = p;
        line(s, t, owner(s), "ACCOUNT_MANAGER", "COMMITMENT_MADE", "We committed to: " + p.description + " (by "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(micros(p.due).atZone(ZoneOffset.UTC)) + ")", true, Level.DETAIL);
        at(breachAt(p.due, s.promiseSettle), s, Kind.BREACH, p.clock);
        at(s.promiseSettle, s, Kind.PROMISE_SETTLE, null);
    }

    private void settlePromise(Story s, long t) {
        Story.Promise p = s.promise;
        p.settled = t;
        p.version++;
        if ("WAIVED".equals(s.promiseOutcome)) {
            p.status = "WAIVED";
            p.waiveReason = Words.pick(new SplittableRandom(mix(seed ^ 0xD1L, s.index)), Words.WAIVE_REASONS);
            settleClock(p.clock, t, false);
            line(s, t, owner(s), "ACCOUNT_MANAGER", "COMMITMENT_WAIVED", "No longer needed: " + p.description + " (" + p.waiveReason + ")",
                    true, Level.DETAIL);
        } else {
            p.status = "DONE";
            settleClock(p.clock, t, true);
            line(s, t, owner(s), "ACCOUNT_MANAGER", "COMMITMENT_DONE", "Done: " + p.description, true, Level.DETAIL);
        }
    }

    // ---------------------------------------------------------------- deadlines

    private Story.Clock clock(Story s, String kind, Long commitmentId, long due) {
        Story.Clock clock = new Story.Clock();
        clock.id = ids.next(Table.SLA_CLOCK);
        clock.kind = kind;
        clock.commitmentId = commitmentId;
        clock.due = due;
        return clock;
    }

    /**
     * When the sweep breaches a deadline that is settled at {@code settledAt}, or -1 when it is not breached by now: the
     * first sweep (every minute, at second 7) at or after the deadline, if the deadline is still running then. A
     * deadline that passed less than a minute before now is breached at now, so that none is overdue at now.
     */
    private long breachAt(long due, long settledAt) {
        if (due > now) {
            return -1;
        }
        long sweep = Math.min(sweepAfter(due), now);
        return settledAt > sweep ? sweep : -1;
    }

    /** The first run of a minute sweep ({@code second = "7"}) at or after {@code t}, a moment into its work. */
    private static long sweepAfter(long t) {
        long minute = Math.floorDiv(t - 7 * SECOND, MINUTE) * MINUTE + 7 * SECOND;
        return (minute < t ? minute + MINUTE : minute) + 150_000;
    }

    /** {@code Escalations.breach}: the deadline is breached and escalated once; a commitment is missed. */
    private void breach(Story s, Story.Clock clock, long t) {
        if (!"RUNNING".equals(clock.state)) {
            return;
        }
        String escalatedTo = world.managers.get(s.owner).escalatesTo();
        clock.state = "BREACHED";
        clock.settled = t;
        clock.escalatedTo = escalatedTo;
        clock.version++;
        s.breached = true;
        s.version++;
        String what = switch (clock.kind) {
            case "FIRST_CONTACT" -> "First contact";
            case "RESOLUTION" -> "Resolution";
            default -> {
                s.promise.status = "MISSED";
                s.promise.version++;
                yield "Commitment \"" + s.promise.description + "\"";
            }
        };
        line(s, t, SWEEP, SYSTEM, "SLA_BREACHED", what + " was due " + micros(clock.due) + " and is overdue; escalated to " + escalatedTo,
                false, Level.ALWAYS);
    }

    /** {@code Deadlines.settle}: the running deadlines of a kind are met (or cancelled). */
    private static void settle(Story s, String kind, Long commitmentId, long t, boolean met) {
        for (Story.Clock clock : s.clocks) {
            if (clock.kind.equals(kind) && (commitmentId == null || commitmentId.equals(clock.commitmentId))) {
                settleClock(clock, t, met);
            }
        }
    }

    private static void settleClock(Story.Clock clock, long t, boolean met) {
        if ("RUNNING".equals(clock.state)) {
            clock.state = met ? "MET" : "CANCELLED";
            clock.settled = t;
            clock.version++;
        }
    }

    // ---------------------------------------------------------------- resolution

    private void resolve(Story s, long t) {
        s.status = "RESOLVED";
        s.resolvedAt = t;
        s.version++;
        settle(s, "RESOLUTION", null, t, true);
        SplittableRandom r = new SplittableRandom(mix(seed ^ 0x4E5L, s.index * 2L + (s.reopenAt >= 0 && t > s.reopenAt ? 1 : 0)));
        line(s, t, owner(s), "ACCOUNT_MANAGER", "RESOLVED", r.nextDouble() < 0.7 ? "Case resolved: "
                + Words.pick(r, Words.RESOLUTION_SUMMARIES) : "Case resolved", true, Level.STATUS);
    }

    /** {@code Cases.answerResolution}, the customer says no: reopened with a fresh resolution deadline. */
    private void reopen(Story s, long t) {
        s.status = "REOPENED";
        s.resolvedAt = -1;
        s.closedAt = -1;
        s.resolutionDue = s.reopenDue;
        s.version++;
        Story.Clock clock = clock(s, "RESOLUTION", null, s.reopenDue);
        s.clocks.add(clock);
        String reason = "the customer told us it is not resolved: "
                + Words.pick(new SplittableRandom(mix(seed ^ 0x0BE1L, s.index)), Words.REOPEN_REASONS);
        line(s, t, owner(s), "ACCOUNT_MANAGER", "REOPENED", "Case reopened: " + reason + " (resolution now due " + micros(s.reopenDue) + ")",
                true, Level.STATUS);
        at(breachAt(s.reopenDue, s.resolve2At), s, Kind.BREACH, clock);
    }

    private void close(Story s, long t) {
        s.status = "CLOSED";
        s.closedAt = t;
        s.version++;
        if (s.closeConfirmed) {
            line(s, t, owner(s), "ACCOUNT_MANAGER", "CLOSED", "The customer confirmed the resolution; case closed", true, Level.STATUS);
        } else {
            line(s, t, SWEEP, SYSTEM, "CLOSED", "No objection during the quiet period of " + QUIET_PERIOD / DAY + " days; case closed", true,
                    Level.STATUS);
        }
        write(s);
    }

    // ---------------------------------------------------------------- compensation

    /** {@code Proposals.propose}: the policy decides with the lifetime value and the 12-month spend in force now. */
    private void propose(Story s, long t) {
        Story.Offer o = s.offer;
        String currency = world.currency[s.account];
        long ltv = world.ltvAt(s.account, t);
        PolicyDecision decision = Policy.decide(world.settingsIn(currency), new PolicyRequest(Money.of(currency, o.cost),
                Money.of(currency, ltv), Money.zero(currency), Money.of(currency, spend(s.account, t)), s.severity, s.recurrences));
        Story.Proposal p = new Story.Proposal();
        p.id = ids.next(Table.COMPENSATION_PROPOSAL);
        p.verdict = decision.verdict();
        p.explanation = decision.explanation();
        p.proposedAt = t;
        s.proposal = p;
        if (p.verdict.isRefused()) {
            p.status = "REFUSED";
            p.decidedAt = t;
        } else if (p.verdict.requiredApprovals() == 0) {
            p.status = "APPROVED";
            p.decidedAt = t;
        } else {
            p.status = "PENDING_APPROVAL";
        }
        p.counts = !p.verdict.isRefused();
        p.cost = o.cost;
        spendList(s.account).add(p);
        String owner = owner(s);
        money(s, t, owner, "ACCOUNT_MANAGER", "COMPENSATION_PROPOSED", "Proposal " + p.id + " (" + o.description + "): "
                + decision.toAuditString(), p.verdict.name());
        line(s, t, owner, "ACCOUNT_MANAGER", "COMPENSATION_PROPOSED", o.description + ", " + Money.of(currency, o.cost).format() + ": "
                + p.verdict, false, Level.ALWAYS);
        if ("APPROVED".equals(p.status)) {
            handOver(s, t);
        } else if (p.verdict.needsFinance()) {
            if (o.withdrawAt >= 0) {
                at(o.withdrawAt, s, Kind.WITHDRAW, null);
            } else if (o.reject) {
                at(t + o.firstDecision, s, Kind.REJECT, null);
            } else {
                at(t + o.firstDecision, s, Kind.APPROVE, 1);
            }
        }
    }

    /** {@code Proposals.approve}: one finance approval; the last one needed approves and hands over. */
    private void approve(Story s, int nth, long t) {
        Story.Offer o = s.offer;
        Story.Proposal p = s.proposal;
        String approver = world.finance.get(nth == 1 ? o.approver1 : o.approver2).username();
        p.approvals.add(new Object[] {ids.next(Table.APPROVAL), p.id, approver, "APPROVE", null, micros(t)});
        p.approvalsGiven++;
        p.version++;
        boolean complete = p.approvalsGiven >= p.verdict.requiredApprovals();
        if (complete) {
            p.status = "APPROVED";
            p.decidedAt = t;
        }
        money(s, t, approver, "FINANCE", complete ? "COMPENSATION_APPROVED" : "COMPENSATION_FIRST_APPROVAL", "Proposal " + p.id
                + " approved by " + approver + " (" + p.approvalsGiven + " of " + p.verdict.requiredApprovals() + ")", p.verdict.name());
        line(s, t, approver, "FINANCE", "COMPENSATION_APPROVAL", o.description + " approved by " + approver
                + (complete ? "" : "; one more finance approval is needed"), false, Level.ALWAYS);
        if (complete) {
            handOver(s, t);
        } else {
            at(o.at + o.secondDecision, s, Kind.APPROVE, 2);
        }
    }

    private void reject(Story s, long t) {
        Story.Offer o = s.offer;
        Story.Proposal p = s.proposal;
        String approver = world.finance.get(o.approver1).username();
        p.approvals.add(new Object[] {ids.next(Table.APPROVAL), p.id, approver, "REJECT", o.rejectReason, micros(t)});
        uncount(p, "REJECTED", t);
        money(s, t, approver, "FINANCE", "COMPENSATION_REJECTED", "Proposal " + p.id + " rejected: " + o.rejectReason, p.verdict.name());
        line(s, t, approver, "FINANCE", "COMPENSATION_REJECTED", o.description + " rejected: " + o.rejectReason, false, Level.ALWAYS);
    }

    private void withdraw(Story s, long t) {
        Story.Proposal p = s.proposal;
        uncount(p, "WITHDRAWN", t);
        money(s, t, owner(s), "ACCOUNT_MANAGER", "COMPENSATION_WITHDRAWN", "Proposal " + p.id + " withdrawn", null);
        line(s, t, owner(s), "ACCOUNT_MANAGER", "COMPENSATION_WITHDRAWN", s.offer.description + " withdrawn", false, Level.ALWAYS);
    }

    /** The proposal no longer counts against the caps; a rejection or withdrawal is its decision, a failed order is not. */
    private static void uncount(Story.Proposal p, String status, long t) {
        p.status = status;
        p.counts = false;
        p.version++;
        if (!"FAILED".equals(status)) {
            p.decidedAt = t;
        }
    }

    /**
     * {@code Fulfilling.handOver} and {@code Orders.place}: the order is written in the approving transaction; a discount
     * code is issued at once and is the gift (the order is born DELIVERED, the proposal FULFILLED).
     */
    private void handOver(Story s, long t) {
        Story.Offer o = s.offer;
        Story.Proposal p = s.proposal;
        Story.Order order = new Story.Order();
        order.id = ids.next(Table.GIFT_ORDER);
        order.created = t;
        order.updated = t;
        p.order = order;
        p.status = "FULFILLING";
        p.version++;
        if ("DISCOUNT_CODE".equals(o.kind)) {
            Story.Code code = new Story.Code();
            code.id = ids.next(Table.DISCOUNT_CODE);
            do {
                code.code = codes.next();
            } while (!issuedCodes.add(code.code));
            code.issued = t;
            code.expires = discountExpiry(o);
            p.code = code;
            order.status = "DELIVERED";
            order.submitted = t;
            String value = "PERCENT".equals(o.discountType) ? o.discountValue + " %" : o.discountValue + " " + world.currency[s.account]
                    + " (minor units)";
            order.history.add(new Object[] {ids.next(Table.GIFT_ORDER_HISTORY), order.id, null, "DELIVERED", "Discount code "
                    + DiscountCode.shortened(code.code) + " issued: " + value + ", until "
                    + DateTimeFormatter.ISO_INSTANT.format(micros(code.expires).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    + ", 1 redemption(s)", micros(t)});
            p.status = "FULFILLED";
            line(s, t, FULFILLMENT, SYSTEM, "GIFT_ORDERED", "A discount code is ready for you: " + code.code, true, Level.ALWAYS);
            if (o.redeemAfter >= 0 && t + o.redeemAfter < code.expires) {
                code.redeemAt = t + o.redeemAfter;
                at(code.redeemAt, s, Kind.REDEEM, null);
            }
        } else {
            order.status = "PENDING";
            order.history.add(new Object[] {ids.next(Table.GIFT_ORDER_HISTORY), order.id, null, "PENDING", "\"" + o.item.name()
                    + "\" waits to be sent to " + o.item.vendor(), micros(t)});
            line(s, t, FULFILLMENT, SYSTEM, "GIFT_ORDERED", o.description + " for " + world.contactName[s.contact] + " are being prepared",
                    true, Level.ALWAYS);
            order.nextStep = t + o.submit;
            at(order.nextStep, s, Kind.SUBMIT, null);
        }
    }

    /** The proposal's discount expiry: 180 days after it was proposed, to the second. */
    private static long discountExpiry(Story.Offer o) {
        return Math.floorDiv(o.at + 180 * DAY, SECOND) * SECOND;
    }

    /** {@code Dispatch.afterSend}: the vendor took the order (SUBMITTED) or refused it for good (FAILED). */
    private void submit(Story s, long t) {
        Story.Offer o = s.offer;
        Story.Order order = s.proposal.order;
        String vendor = o.item.vendor();
        if (o.failAtSubmit) {
            String reason = vendor + " refused the order: we do not deliver SKU " + o.item.sku() + " there"
                    + ("simulated".equals(vendor) ? " (simulated)" : "");
            order.lastError = reason;
            changeOrder(s, "FAILED", "The vendor rejected the order: " + reason, t);
            return;
        }
        if ("simulated".equals(vendor)) {
            order.shipmentId = ids.next(Table.SIMULATED_SHIPMENT);
            order.vendorOrderId = "SIM-" + order.shipmentId;
        } else {
            String prefix = switch (vendor) {
                case "florist" -> "FL-";
                case "handwrytten" -> "HW-";
                default -> vendor.substring(0, Math.min(2, vendor.length())).toUpperCase(Locale.ROOT) + "-";
            };
            order.vendorOrderId = prefix + vendorOrders++;
        }
        order.submitted = t;
        changeOrder(s, "SUBMITTED", "Sent to " + vendor + ", whose order number is " + order.vendorOrderId, t);
        order.nextStep = t + o.accept;
        at(order.nextStep, s, Kind.ACCEPT, null);
    }

    /** {@code Orders.vendorReported}: the vendor's callback moves the order on. */
    private void vendorReports(Story s, String status, String word, long t) {
        Story.Offer o = s.offer;
        Story.Order order = s.proposal.order;
        String vendor = o.item.vendor();
        changeOrder(s, status, "simulated".equals(vendor) ? vendor + " reports \"" + word + "\"" : vendor + " reports " + status, t);
        switch (status) {
            case "ACCEPTED" -> {
                order.nextStep = t + o.ship;
                at(order.nextStep, s, Kind.SHIP, null);
            }
            case "SHIPPED" -> {
                order.nextStep = t + o.deliver;
                at(order.nextStep, s, o.undeliverable ? Kind.UNDELIVERABLE : Kind.DELIVER, null);
            }
            default -> order.nextStep = -1;
        }
    }

    /** A change of the order's status: a history line, and {@code Fulfilling.orderChanged} on the case's side. */
    private void changeOrder(Story s, String status, String detail, long t) {
        Story.Proposal p = s.proposal;
        Story.Order order = p.order;
        order.history.add(new Object[] {ids.next(Table.GIFT_ORDER_HISTORY), order.id, order.status, status, detail, micros(t)});
        order.status = status;
        order.updated = t;
        order.version++;
        p.version++;
        String gift = s.offer.description;
        switch (status) {
            case "SHIPPED" -> line(s, t, FULFILLMENT, SYSTEM, "GIFT_SHIPPED", gift + " are on their way", true, Level.DETAIL);
            case "DELIVERED" -> {
                p.status = "FULFILLED";
                line(s, t, FULFILLMENT, SYSTEM, "GIFT_DELIVERED", gift + " were delivered", true, Level.ALWAYS);
            }
            case "FAILED" -> {
                uncount(p, "FAILED", t);
                line(s, t, FULFILLMENT, SYSTEM, "GIFT_FAILED", gift + " could not be sent (" + detail
                        + "); the case owner has been told and will propose something else", false, Level.ALWAYS);
            }
            default -> line(s, t, FULFILLMENT, SYSTEM, "GIFT_" + status, gift + ": " + status.toLowerCase(Locale.ROOT), false, Level.DETAIL);
        }
    }

    /** {@code Discounts.redeem} by a storefront, audited by {@code Fulfilling.redeemed}. */
    private void redeem(Story s, long t) {
        Story.Code code = s.proposal.code;
        Story.Offer o = s.offer;
        code.redemptionId = ids.next(Table.DISCOUNT_REDEMPTION);
        money(s, t, FULFILLMENT, SYSTEM, "DISCOUNT_REDEEMED", "Code " + code.code + " redeemed for storefront order " + o.storefrontOrder
                + " (1 so far; reference proposal:" + s.proposal.id + ")", null);
        if (s.written) {
            redemption(batch, s);
        }
    }

    private void redemption(Batch out, Story s) {
        Story.Code code = s.proposal.code;
        out.add(Table.DISCOUNT_REDEMPTION, code.redemptionId, code.id, s.offer.storefront, s.offer.storefrontOrder, 1, micros(code.redeemAt));
    }

    // ---------------------------------------------------------------- the timeline and the trail

    /**
     * A timeline line ({@code Cases.record}) and its audit entry, if the timeline keeps it: {@code CASE_<kind>} with the
     * line as details and the account's money figures of the moment.
     */
    private void line(Story s, long t, String actor, String role, String kind, String summary, boolean visible, Level level) {
        boolean keep = switch (level) {
            case ALWAYS -> true;
            case STATUS -> timeline != Timeline.COMPACT || t == s.lastStatusAt;
            case DETAIL -> timeline == Timeline.FULL;
        };
        if (!keep) {
            return;
        }
        s.events.add(new Object[] {ids.next(Table.CASE_EVENT), s.id, micros(t), actor, kind,
                summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary, visible});
        audit(s, t, actor, role, "CASE_" + kind, null, null, null, summary);
    }

    /** An audit entry that moved or promised money: the proposal's cost, and the policy's verdict where it has one. */
    private void money(Story s, long t, String actor, String role, String action, String details, String verdict) {
        audit(s, t, actor, role, action, s.offer.cost, world.currency[s.account], verdict, details);
    }

    /** {@code AuditTrail.appendAll} with {@code LedgerFigures.of}: the LTV in force and the 12-month spend, sealed now. */
    private void audit(Story s, long t, String actor, String role, String action, Long amount, String currency, String verdict,
                       String details) {
        long ltv = world.ltvAt(s.account, t);
        long spend = spend(s.account, t);
        chain.append(batch, t, actor, role, action, s.key, world.accountId[s.account], amount, currency, ltv, spend,
                ltv == 0 ? null : Math.multiplyExact(spend, 10_000L) / ltv, verdict, details);
    }

    /** Pending and approved compensation of the account proposed in the 365 days before {@code t}. */
    private long spend(int account, long t) {
        List<Story.Proposal> list = spendOf.get(account);
        if (list == null) {
            return 0;
        }
        long sum = 0;
        for (java.util.Iterator<Story.Proposal> i = list.iterator(); i.hasNext(); ) {
            Story.Proposal p = i.next();
            if (p.proposedAt <= t - YEAR) {
                i.remove(); // time only moves on: it never counts again
            } else if (p.counts) {
                sum += p.cost;
            }
        }
        return sum;
    }

    private List<Story.Proposal> spendList(int account) {
        List<Story.Proposal> list = spendOf.get(account);
        if (list == null) {
            list = new ArrayList<>(2);
            spendOf.set(account, list);
        }
        return list;
    }

    private String owner(Story s) {
        return world.managers.get(s.owner).username();
    }

    private Words.CauseTexts texts(Story s) {
        return Words.forCause(s.cause < 0 ? null : world.causes.get(s.cause).code());
    }

    // ---------------------------------------------------------------- writing a case out

    /** The case with everything that hangs off it, as it stands: when it was closed, or at now. */
    private void write(Story s) {
        alive[s.index] = null;
        if (s.recurrenceParent != null && !s.recurrenceParent.written) {
            waiting.computeIfAbsent(s.recurrenceParent.index, k -> new ArrayList<>(1)).add(s); // recurrence_of_id: the earlier case first
            return;
        }
        s.recurrenceParent = null;
        Batch out = batch;
        s.written = true;
        long next = s.nextDue();
        out.add(Table.APOLOGY_CASE, s.id, s.key, world.accountId[s.account], s.title, s.description, s.severity.name(), s.channel,
                s.cause < 0 ? null : world.causes.get(s.cause).id(), null, world.managers.get(s.owner).id(), null, s.status,
                micros(s.openedAt), micros(s.firstContactDue), at(s.firstContactAt), micros(s.resolutionDue), at(next),
                at(s.resolvedAt), at(s.closedAt), s.recurrenceOf, s.breached, s.version);
        out.add(Table.CASE_CONTACT, s.id, world.contactId[s.contact]);
        for (Object[] event : s.events) {
            out.add(Table.CASE_EVENT, event);
        }
        for (Story.Clock c : s.clocks) {
            out.add(Table.SLA_CLOCK, c.id, s.id, c.kind, c.commitmentId, micros(c.due), c.state, at(c.settled), c.escalatedTo, c.version);
        }
        String owner = owner(s);
        for (Story.Talk talk : s.talks) {
            out.add(Table.CONTACT_LOG, talk.id, s.id, world.contactId[s.contact], talk.channel, micros(talk.occurred), talk.summary, talk.asked,
                    talk.confirmed, owner, micros(talk.logged));
        }
        for (Story.Letter letter : s.letters) {
            boolean sent = letter.sent >= 0;
            out.add(Table.APOLOGY, letter.id, s.id, world.contactId[s.contact], world.language[s.account], letter.body, sent ? "SENT" : "DRAFT",
                    letter.findings, null, null, owner, micros(letter.created), sent ? owner : null, at(letter.sent), sent ? 1L : 0L);
        }
        if (s.promise != null) {
            Story.Promise p = s.promise;
            out.add(Table.COMMITMENT, p.id, s.id, p.description, world.managers.get(s.owner).id(), micros(p.due), p.status, p.waiveReason,
                    at(p.settled), micros(p.created), p.version);
        }
        if (s.proposal != null) {
            writeProposal(out, s);
        }
        String status = s.status;
        statuses.merge(status, 1, Integer::sum);
        if (s.isActive() && s.owner < managersInFixtures) {
            activeCases.add(new long[] {s.id, world.accountId[s.account], world.contactId[s.contact], s.owner});
        }
        s.events.clear(); // the shell stays while later cases may name it as their recurrence
        s.clocks.clear();
        s.talks.clear();
        s.letters.clear();
        s.promise = null;
        if (s.proposal != null) {
            s.proposal.approvals.clear();
            if (s.proposal.order != null) {
                s.proposal.order.history.clear();
            }
        }
        List<Story> recurrences = waiting.remove(s.index);
        if (recurrences != null) {
            recurrences.forEach(this::write);
        }
    }

    private void writeProposal(Batch out, Story s) {
        Story.Offer o = s.offer;
        Story.Proposal p = s.proposal;
        Story.Order order = p.order;
        String currency = world.currency[s.account];
        if ("PENDING_APPROVAL".equals(p.status)) {
            pendingProposals++;
        }
        out.add(Table.COMPENSATION_PROPOSAL, p.id, s.id, world.accountId[s.account], world.contactId[s.contact], o.kind,
                o.item == null ? null : o.item.id(), o.description, o.cardMessage, o.discountType, o.discountValue,
                o.discountType == null ? null : micros(discountExpiry(o)), o.cost, currency, p.verdict.name(), p.explanation, p.status,
                p.counts, p.verdict.isRefused() ? 0 : p.verdict.requiredApprovals(), owner(s), micros(p.proposedAt), at(p.decidedAt),
                order == null ? null : String.valueOf(order.id), order == null ? null : order.status, p.version);
        for (Object[] approval : p.approvals) {
            out.add(Table.APPROVAL, approval);
        }
        if (order == null) {
            return;
        }
        Story.Code code = p.code;
        if (code != null) {
            boolean redeemed = code.redeemAt >= 0 && code.redeemAt <= now;
            out.add(Table.DISCOUNT_CODE, code.id, code.code, o.discountType, o.discountValue, "AMOUNT".equals(o.discountType) ? currency : null,
                    micros(code.expires), 1, redeemed ? 1 : 0, "proposal:" + p.id, "order:proposal-" + p.id, "Discount-code order",
                    micros(code.issued), redeemed ? 1L : 0L);
            if (redeemed && code.redemptionId >= 0) {
                redemption(out, s);
            }
            if (!redeemed && code.expires > now) {
                validCodes.add(code.code);
            }
        }
        int contact = s.contact;
        boolean inFlight = "SUBMITTED".equals(order.status) || "ACCEPTED".equals(order.status) || "SHIPPED".equals(order.status);
        // the dispatcher asks the vendor for news every 15 minutes from the last change; the next question is after now
        long nextAttempt = -1;
        if (inFlight) {
            nextAttempt = order.updated + ((now - order.updated) / POLL_INTERVAL + 1) * POLL_INTERVAL + (order.id % 5_000) * 1_000;
        } else if ("PENDING".equals(order.status)) {
            nextAttempt = order.created; // GiftOrder.gift: due at once
        }
        String country = world.street[contact] == null ? "ZZ" : world.country[s.account].code();
        boolean gift = o.item != null;
        out.add(Table.GIFT_ORDER, order.id, "proposal-" + p.id, "proposal:" + p.id, o.kind, gift ? o.item.id() : null,
                gift ? o.item.vendor() : "amends", gift ? o.item.sku() : null, world.contactName[contact], world.street[contact],
                world.postalCode[contact], world.city[contact], country, world.contactEmail[contact], o.cardMessage,
                world.managers.get(s.owner).displayName(), o.cost, currency, code == null ? null : code.id, order.status, order.vendorOrderId,
                0, at(nextAttempt), order.lastError, false, null, null, micros(order.created),
                at(order.submitted), micros(order.updated), order.version);
        for (Object[] line : order.history) {
            out.add(Table.GIFT_ORDER_HISTORY, line);
        }
        if (order.shipmentId >= 0) {
            String state = switch (order.status) {
                case "SUBMITTED" -> "received";
                case "ACCEPTED" -> "confirmed";
                case "SHIPPED" -> "dispatched";
                case "DELIVERED" -> "delivered";
                default -> "undeliverable";
            };
            out.add(Table.SIMULATED_SHIPMENT, order.shipmentId, "proposal-" + p.id, o.item.sku(), state, 0, false, o.undeliverable,
                    inFlight ? micros(order.nextStep) : null, micros(order.submitted), order.version);
        }
    }

    private static java.time.Instant at(long micros) {
        return micros < 0 ? null : micros(micros);
    }

    // ---------------------------------------------------------------- random numbers

    private static Severity severity(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.3 ? Severity.LOW : u < 0.7 ? Severity.MEDIUM : u < 0.9 ? Severity.HIGH : Severity.CRITICAL;
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    /** An exponentially distributed number with mean 1. */
    private static double exp(SplittableRandom r) {
        return -Math.log(1 - r.nextDouble());
    }

    /** A seed for one case's own random numbers, independent of the order cases are processed in. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
