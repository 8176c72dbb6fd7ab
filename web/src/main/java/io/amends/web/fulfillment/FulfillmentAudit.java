package io.amends.web.fulfillment;

import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.fulfillment.catalog.boundary.CatalogChanged;
import io.amends.fulfillment.discounts.boundary.GoodwillCodeIssued;
import io.amends.fulfillment.orders.boundary.DiscountType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes the administrators' fulfillment actions into the audit trail, in the transaction of the action: goodwill
 * codes issued by hand, and catalog changes. (Orders and redemptions belong to cases and are audited on the case side.)
 * Both actions are open to administrators only, so the role recorded is ADMIN.
 */
@ApplicationScoped
public class FulfillmentAudit {

    @EJB
    AuditTrail audit;

    void goodwillCodeIssued(@Observes GoodwillCodeIssued issued) {
        AuditEvent event = new AuditEvent(issued.issuedBy(), "ADMIN", "GOODWILL_CODE_ISSUED", null, null, null, null, null,
                "Goodwill code " + issued.shortenedCode() + " (" + (issued.type() == DiscountType.PERCENT ? issued.value() + " %"
                        : issued.value() + " " + issued.currency() + " minor units") + ", until " + issued.expiresAt() + ", "
                        + issued.redemptionLimit() + " redemption(s)) for " + issued.reference() + ": " + issued.reason());
        audit.append(issued.type() == DiscountType.AMOUNT ? event.withMoney(issued.value(), issued.currency()) : event);
    }

    void catalogChanged(@Observes CatalogChanged changed) {
        audit.append(new AuditEvent(changed.actor(), "ADMIN", "CATALOG_ITEM_" + changed.change(), null, null, null, null, null,
                "Catalog item " + changed.itemId() + ": " + changed.summary()));
    }
}
