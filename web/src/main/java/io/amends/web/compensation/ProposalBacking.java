package io.amends.web.compensation;

import io.amends.accounts.entity.Contact;
import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.control.RuleCheck;
import io.amends.compensation.entity.CompensationKind;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.compensation.entity.Money;
import io.amends.fulfillment.catalog.boundary.Catalog;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.web.cases.CaseScreen;
import io.amends.web.platform.Formats;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Propose compensation: a gift from the catalog or a discount, the card message, and the policy's verdict with its
 * explanation before anything is submitted ({@link Proposals#preview}).
 */
@Named
@ViewScoped
public class ProposalBacking extends CaseScreen {

    private static final long serialVersionUID = 1L;

    @Inject
    Proposals proposals;

    @Inject
    Catalog catalog;

    @Inject
    Formats formats;

    @NotNull(message = "{amends.proposal.contact}")
    private Long contactId;

    @NotNull
    private CompensationKind kind = CompensationKind.DISCOUNT_CODE;

    private Long catalogItemId;

    @Size(max = 200)
    private String description;

    @Size(max = 2000)
    private String cardMessage;

    private String discountType = "AMOUNT";

    @Pattern(regexp = "\\d{1,12}(\\.\\d{1,3})?", message = "{amends.proposal.number}")
    private String discountValue;

    private LocalDate discountExpires;

    @Pattern(regexp = "\\d{1,12}(\\.\\d{1,3})?", message = "{amends.proposal.amount}")
    private String amount;

    private List<CatalogItem> items = List.of();
    private Proposals.Evaluation evaluation;
    private String previewProblem;
    private ZoneId zone;

    @Override
    protected void loaded() {
        zone = formats.zone();
        discountExpires = LocalDate.now(zone).plusDays(90);
        getContacts().stream().filter(Contact::hasPostalAddress).findFirst()
                .or(() -> getContacts().stream().findFirst()).ifPresent(c -> contactId = c.getId());
        loadItems();
    }

    /** The gifts the catalog has of the chosen kind for the contact's country. */
    void loadItems() {
        if (!kind.isGift()) {
            items = List.of();
            return;
        }
        String country = contact() == null ? null : contact().getCountry();
        try {
            items = catalog.items(GiftKind.valueOf(kind.name()), country);
        } catch (IllegalArgumentException e) {
            items = List.of(); // a kind the catalog does not sell
        }
        if (catalogItemId != null && items.stream().noneMatch(i -> catalogItemId.equals(i.getId()))) {
            catalogItemId = null;
        }
        if (catalogItemId == null && !items.isEmpty()) {
            catalogItemId = items.get(0).getId();
        }
    }

    /** Something changed: new catalog choices, and the policy's verdict on the proposal as it stands. */
    public void changed() {
        loadItems();
        preview();
    }

    public void preview() {
        evaluation = null;
        previewProblem = null;
        Proposals.Propose command;
        try {
            command = command();
        } catch (IllegalArgumentException e) {
            previewProblem = e.getMessage();
            return;
        }
        if (command == null) {
            previewProblem = Pages.text("proposal.preview.incomplete");
            return;
        }
        try {
            evaluation = proposals.preview(caller(), getCaseId(), command);
        } catch (RuntimeException e) {
            previewProblem = Pages.problem(e);
        }
    }

    public void submit() {
        Proposals.Propose command;
        try {
            command = command();
        } catch (IllegalArgumentException e) {
            Pages.fieldError("proposal:discountValue", "proposal.discountValue.invalid", e.getMessage());
            return;
        }
        if (command == null) {
            Pages.error("proposal.preview.incomplete");
            return;
        }
        try {
            CompensationProposal proposal = proposals.propose(caller(), getCaseId(), command);
            Pages.info("proposal.made", proposal.getDescription(), formats.label(proposal.getVerdict()), formats.label(proposal.getStatus()));
            backToCase();
        } catch (RuntimeException e) {
            Pages.refused(e, "proposal");
            preview();
        }
    }

    /** The proposal as the boundary takes it; null while it is too incomplete to judge. */
    Proposals.Propose command() {
        if (contactId == null || kind == null) {
            return null;
        }
        String cost = blankToNull(amount);
        if (kind.isGift()) {
            if (catalogItemId == null && cost == null) {
                return null;
            }
            return new Proposals.Propose(contactId, kind, catalogItemId, blankToNull(description), blankToNull(cardMessage),
                    null, null, null, cost);
        }
        String value = blankToNull(discountValue);
        if (value == null) {
            return null;
        }
        long minorOrPercent = "PERCENT".equals(discountType) ? Long.parseLong(value.contains(".") ? bad(value) : value)
                : Money.parse(getAccount().getCurrency(), value).amountMinor();
        if (cost == null && "AMOUNT".equals(discountType)) {
            cost = value;
        }
        Instant expires = discountExpires == null ? null : discountExpires.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant();
        return new Proposals.Propose(contactId, kind, null, blankToNull(description), blankToNull(cardMessage), discountType,
                minorOrPercent, expires, cost);
    }

    private static String bad(String value) {
        throw new IllegalArgumentException(Pages.text("proposal.percent.whole", value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Contact contact() {
        return getContacts().stream().filter(c -> c.getId().equals(contactId)).findFirst().orElse(null);
    }

    public String itemLabel(CatalogItem item) {
        return item.getName() + " — " + formats.money(item.getPriceMinor(), item.getCurrency());
    }

    public String headline() {
        return evaluation == null ? null : evaluation.decision().explanation().lines().findFirst().orElse("");
    }

    public List<RuleCheck> getChecks() {
        return evaluation == null ? List.of() : evaluation.decision().checks();
    }

    public List<CompensationKind> getKinds() {
        return Arrays.asList(CompensationKind.values());
    }

    public Proposals.Evaluation getEvaluation() {
        return evaluation;
    }

    public String getPreviewProblem() {
        return previewProblem;
    }

    public List<CatalogItem> getItems() {
        return items;
    }

    public LocalDate getToday() {
        return LocalDate.now(zone);
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public CompensationKind getKind() {
        return kind;
    }

    public void setKind(CompensationKind kind) {
        this.kind = kind;
    }

    public Long getCatalogItemId() {
        return catalogItemId;
    }

    public void setCatalogItemId(Long catalogItemId) {
        this.catalogItemId = catalogItemId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCardMessage() {
        return cardMessage;
    }

    public void setCardMessage(String cardMessage) {
        this.cardMessage = cardMessage;
    }

    public String getDiscountType() {
        return discountType;
    }

    public void setDiscountType(String discountType) {
        this.discountType = discountType;
    }

    public String getDiscountValue() {
        return discountValue;
    }

    public void setDiscountValue(String discountValue) {
        this.discountValue = discountValue;
    }

    public LocalDate getDiscountExpires() {
        return discountExpires;
    }

    public void setDiscountExpires(LocalDate discountExpires) {
        this.discountExpires = discountExpires;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
