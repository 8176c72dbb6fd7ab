package io.amends.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The customer's rating of how a case was resolved: a score from 1 to 5 and a comment. One per case; the customer
 * may change their mind, and the newest answer counts (the history is in the audit trail).
 */
@Entity
@Table(name = "case_rating")
public class CaseRating {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false)
    private int score;

    private String comment;

    @Column(name = "rated_by", nullable = false)
    private String ratedBy;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    @Version
    private long version;

    protected CaseRating() {
        // for JPA
    }

    public CaseRating(Long caseId, Long accountId, int score, String comment, String ratedBy, Instant at) {
        this.caseId = Objects.requireNonNull(caseId);
        this.accountId = Objects.requireNonNull(accountId);
        change(score, comment, ratedBy, at);
    }

    public void change(int newScore, String newComment, String by, Instant at) {
        if (newScore < LOWEST || newScore > HIGHEST) {
            throw new IllegalArgumentException("A rating is from " + LOWEST + " (very unhappy) to " + HIGHEST + " (very happy)");
        }
        this.score = newScore;
        this.comment = newComment == null || newComment.isBlank() ? null : newComment.strip();
        this.ratedBy = Objects.requireNonNull(by);
        this.ratedAt = Objects.requireNonNull(at);
    }

    /** Satisfied, in the CSAT sense: a 4 or a 5. */
    public boolean isSatisfied() {
        return score >= 4;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public String getRatedBy() {
        return ratedBy;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public long getVersion() {
        return version;
    }
}
