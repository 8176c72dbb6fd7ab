package io.amends.fulfillment.orders.control;

import io.amends.fulfillment.orders.boundary.OrderChanged;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderHistory;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes what happened to an order: a history row for every step, and an {@link OrderChanged} event for every change
 * of status, both in the transaction of the change.
 */
@Dependent
public class Journal {

    @PersistenceContext(unitName = "fulfillment")
    EntityManager em;

    @Inject
    Event<OrderChanged> changes;

    public void write(GiftOrder order, GiftOrder.Step step) {
        if (step == null) {
            return;
        }
        em.persist(new OrderHistory(order.getId(), step.from(), step.to(), step.detail(), step.at()));
        if (step.isChange()) {
            changes.fire(new OrderChanged(order.getId(), order.getReference(), order.getKind(), step.to().name(), step.detail(), step.at()));
        }
    }
}
