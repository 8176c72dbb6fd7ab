package io.amends.web.compensation;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Tier;
import io.amends.audit.boundary.LedgerFigures;
import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.entity.Approval;
import io.amends.platform.control.AmendsClock;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The approval queue: proposals waiting for finance, oldest first, with the case, the policy's explanation and the
 * customer's value; approve or reject with a comment. The four-eyes answer comes from the boundary per row.
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Proposals proposals;

    @Inject
    Accounts accounts;

    @Inject
    LedgerFigures figures;

    @Inject
    AmendsClock clock;

    @Inject
    Caller caller;

    private final Map<Long, String> comments = new HashMap<>();
    private LazyDataModel<Row> model;

    /** One queue entry with what the approver needs next to it. */
    public record Row(Proposals.QueueItem item, Tier tier, LedgerFigures.Figures figures, List<Approval> approvals)
            implements Serializable {

        public Long getId() {
            return item.proposal().getId();
        }
    }

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) proposals.queue(caller, 0, 1).total();
            }

            @Override
            public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                int size = Math.max(1, Math.min(pageSize, 200));
                Proposals.Queue queue = proposals.queue(caller, first / size, size);
                setRowCount((int) queue.total());
                var ladder = accounts.ladder();
                return queue.items().stream().map(i -> new Row(i, ladder.tierOf(i.account().getLtvMinor()),
                        figures.of(i.account().getId(), clock.now()), i.approvals())).toList();
            }

            @Override
            public String getRowKey(Row row) {
                return String.valueOf(row.getId());
            }

            @Override
            public Row getRowData(String rowKey) {
                return null;
            }
        };
    }

    public void approve(long proposalId) {
        try {
            proposals.approve(caller, proposalId, comments.remove(proposalId));
            Pages.info("queue.approved", proposalId);
        } catch (RuntimeException e) {
            Pages.refused(e, null);
        }
    }

    public void reject(long proposalId) {
        String comment = comments.get(proposalId);
        if (comment == null || comment.isBlank()) {
            Pages.error("queue.rejectNeedsReason");
            return;
        }
        try {
            proposals.reject(caller, proposalId, comment);
            comments.remove(proposalId);
            Pages.info("queue.rejected", proposalId);
        } catch (RuntimeException e) {
            Pages.refused(e, null);
        }
    }

    /** The explanation's first line: the verdict in one sentence. */
    public String headline(String explanation) {
        int end = explanation.indexOf('\n');
        return end < 0 ? explanation : explanation.substring(0, end);
    }

    /** The rest of the explanation: one line per rule. */
    public String details(String explanation) {
        int end = explanation.indexOf('\n');
        return end < 0 ? "" : explanation.substring(end + 1);
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public Map<Long, String> getComments() {
        return comments;
    }
}
