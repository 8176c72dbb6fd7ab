package io.amends.web.admin;

import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.RootCause;
import io.amends.fulfillment.catalog.boundary.Catalog;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.sla.boundary.Deadlines;
import io.amends.sla.entity.SlaPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference data the rules run on, read-only here: SLA deadlines by severity and tier, the root-cause taxonomy,
 * and the gift catalog. (Editing them is not in the UI yet.)
 */
@Named
@ViewScoped
public class ReferenceDataBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Deadlines deadlines;

    @Inject
    Cases cases;

    @Inject
    Catalog catalog;

    private List<SlaPolicy> slaPolicies;
    private List<RootCause> rootCauses;
    private List<CatalogItem> catalogItems;

    @PostConstruct
    void init() {
        slaPolicies = deadlines.policies();
        rootCauses = cases.rootCauses();
        catalogItems = new ArrayList<>();
        for (GiftKind kind : GiftKind.values()) {
            catalogItems.addAll(catalog.items(kind, null));
        }
    }

    public List<SlaPolicy> getSlaPolicies() {
        return slaPolicies;
    }

    public List<RootCause> getRootCauses() {
        return rootCauses;
    }

    public List<CatalogItem> getCatalogItems() {
        return catalogItems;
    }
}
