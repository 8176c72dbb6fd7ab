package io.amends.accounts.entity;

import io.amends.platform.entity.ReferenceData;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Cache;

/** The lowest lifetime value (in minor units of the account's currency) that earns a tier; set by an administrator. */
@Entity
@Table(name = "ltv_tier")
@Cacheable
@Cache(expiry = ReferenceData.EXPIRY_MILLIS)
@NamedQuery(name = TierThreshold.ALL, query = "SELECT t FROM TierThreshold t ORDER BY t.minLtvMinor DESC", hints = {@QueryHint(name = ReferenceData.RESULTS_CACHE, value = "TRUE"),
        @QueryHint(name = ReferenceData.RESULTS_CACHE_EXPIRY, value = ReferenceData.EXPIRY)})
public class TierThreshold {

    public static final String ALL = "TierThreshold.all";

    @Id
    @Enumerated(EnumType.STRING)
    private Tier tier;

    @Column(name = "min_ltv_minor", nullable = false)
    private long minLtvMinor;

    @Column(name = "rank_order", nullable = false)
    private int rankOrder;

    protected TierThreshold() {
        // for JPA
    }

    public Tier getTier() {
        return tier;
    }

    public long getMinLtvMinor() {
        return minLtvMinor;
    }

    public void setMinLtvMinor(long minLtvMinor) {
        if (minLtvMinor < 0) {
            throw new IllegalArgumentException("A threshold is never negative");
        }
        this.minLtvMinor = minLtvMinor;
    }
}
