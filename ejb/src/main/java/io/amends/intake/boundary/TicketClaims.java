package io.amends.intake.boundary;

import io.amends.intake.entity.IntakeTicket;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;

/**
 * Makes sure a row exists for a ticket before intake locks it, in a transaction of its own: two first deliveries of
 * one ticket at once both get here, one inserts, the other runs into the primary key and simply goes on to wait for
 * the lock. (On PostgreSQL a failed insert spoils its transaction, hence a transaction just for the insert.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TicketClaims {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    public void ensure(String ticketRef, Instant now) {
        if (em.find(IntakeTicket.class, ticketRef) != null) {
            return;
        }
        try {
            em.persist(new IntakeTicket(ticketRef, now));
            em.flush();
        } catch (PersistenceException concurrentFirstDelivery) {
            // the other delivery inserted it; this transaction rolls back, the row is there
        }
    }
}
