package io.amends.bench.data;

import io.amends.accounts.entity.Tier;
import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One case: what was planned for it when it was opened (the times of every step, drawn from its own random numbers),
 * and what it is now, step by step. Plain fields; {@link Stories} moves it on and writes it out.
 */
final class Story {

    /** One deadline: {@code sla_clock}. */
    static final class Clock {
        long id;
        String kind;
        Long commitmentId;
        long due;
        String state = "RUNNING";
        long settled = -1;
        String escalatedTo;
        long version;
    }

    /** One conversation: {@code contact_log}. */
    static final class Talk {
        long id;
        String channel;
        long occurred;
        long logged;
        String summary;
        String asked;
        boolean confirmed;
    }

    /** One letter: {@code apology}. */
    static final class Letter {
        long id;
        String body;
        String findings;
        long created;
        long sent = -1;
    }

    /** The promise, if one was made: {@code commitment}. */
    static final class Promise {
        long id;
        String description;
        long due;
        String status = "OPEN";
        String waiveReason;
        long settled = -1;
        long created;
        Clock clock;
        long version;
    }

    /** What was planned for a compensation: kind, cost, and the delays of every branch the verdict may take. */
    static final class Offer {
        String kind;
        World.Item item;
        long cost;
        String discountType;
        Long discountValue;
        String cardMessage;
        String description;
        long at;
        long firstDecision;
        long secondDecision;
        boolean reject;
        String rejectReason;
        long withdrawAt = -1;
        int approver1;
        int approver2;
        long submit;
        long accept;
        long ship;
        long deliver;
        boolean failAtSubmit;
        boolean undeliverable;
        long redeemAfter = -1;
        String storefront;
        String storefrontOrder;
    }

    /** The proposal as it stands: {@code compensation_proposal} with its approvals, order and code. */
    static final class Proposal {
        long id;
        long cost;
        Verdict verdict;
        String explanation;
        String status;
        boolean counts;
        long proposedAt;
        long decidedAt = -1;
        int approvalsGiven;
        long version;
        final List<Object[]> approvals = new ArrayList<>();
        Order order;
        Code code;
    }

    /** A gift order with its history: {@code gift_order}, {@code gift_order_history}, {@code simulated_shipment}. */
    static final class Order {
        long id;
        String status;
        long created;
        long submitted = -1;
        long updated;
        String vendorOrderId;
        String lastError;
        long shipmentId = -1;
        long nextStep = -1;
        long version;
        final List<Object[]> history = new ArrayList<>();
    }

    /** A discount code and its redemption: {@code discount_code}, {@code discount_redemption}. */
    static final class Code {
        long id;
        String code;
        long issued;
        long expires;
        long redeemAt = -1;
        long redemptionId = -1;
    }

    // who and what
    final int index;
    final long id;
    final String key;
    final int account;
    final int contact;
    final int owner;
    final long openedAt;
    final int cause;
    final Severity reported;
    Severity severity;
    String channel;
    String title;
    String description;
    Tier tier;
    long firstContactDue;
    long resolutionDue;
    Long recurrenceOf;
    Story recurrenceParent;
    String recurrenceKey;
    int recurrences;

    // state
    String status = "OPEN";
    long firstContactAt = -1;
    long resolvedAt = -1;
    long closedAt = -1;
    boolean breached;
    long version;
    boolean written;
    final List<Object[]> events = new ArrayList<>(8);
    final List<Clock> clocks = new ArrayList<>(3);
    final List<Talk> talks = new ArrayList<>(2);
    final List<Letter> letters = new ArrayList<>(2);
    Promise promise;
    Proposal proposal;

    // plan
    long contactAt;
    long occurredAt;
    String talkChannel;
    long confirmAt = -1;
    long followUpAt = -1;
    long draftAt;
    long sendAt;
    String template;
    long promiseAt = -1;
    long promiseDue;
    long promiseSettle;
    String promiseOutcome;
    Offer offer;
    long resolveAt;
    long reopenAt = -1;
    long reopenDue;
    long draft2At;
    long send2At;
    long resolve2At;
    long closeAt;
    boolean closeConfirmed;
    long lastStatusAt = -1;

    Story(int index, long id, String key, int account, int contact, int owner, long openedAt, int cause, Severity reported) {
        this.index = index;
        this.id = id;
        this.key = key;
        this.account = account;
        this.contact = contact;
        this.owner = owner;
        this.openedAt = openedAt;
        this.cause = cause;
        this.reported = reported;
        this.severity = reported;
    }

    boolean isActive() {
        return !"RESOLVED".equals(status) && !"CLOSED".equals(status);
    }

    /** {@code ApologyCase.updateNextDue}: first contact, then resolution; none once resolved. */
    long nextDue() {
        if (!isActive()) {
            return -1;
        }
        return firstContactAt < 0 ? firstContactDue : resolutionDue;
    }
}
