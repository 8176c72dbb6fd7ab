package io.amends.web.compensation;

import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.control.PolicyDecision;
import io.amends.compensation.control.RuleCheck;
import io.amends.compensation.entity.Approval;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.compensation.entity.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** How compensation looks over the API: records built from the boundary's answers. */
public final class ProposalViews {

    private ProposalViews() {
    }

    public record MoneyView(String currency, long amountMinor, String formatted) {
        static MoneyView of(Money m) {
            return m == null ? null : new MoneyView(m.currency(), m.amountMinor(), m.format());
        }
    }

    public record CheckView(String rule, boolean passed, MoneyView amount, MoneyView spend, MoneyView limit, MoneyView ltv,
                            BigDecimal ratioPercent, String sentence) {
        static CheckView of(RuleCheck c) {
            return new CheckView(c.rule().name(), c.passed(), MoneyView.of(c.amount()), MoneyView.of(c.spend()),
                    MoneyView.of(c.limit()), MoneyView.of(c.ltv()), c.ratioPercent(), c.sentence());
        }
    }

    public record DecisionView(String verdict, String explanation, List<CheckView> checks) {
        static DecisionView of(PolicyDecision d) {
            return new DecisionView(d.verdict().name(), d.explanation(), d.checks().stream().map(CheckView::of).toList());
        }
    }

    public record EvaluationView(MoneyView cost, DecisionView decision) {
        static EvaluationView of(Proposals.Evaluation e) {
            return new EvaluationView(MoneyView.of(e.cost()), DecisionView.of(e.decision()));
        }
    }

    public record ApprovalView(String approver, String decision, String comment, Instant at) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(a.getApprover(), a.getDecision().name(), a.getComment(), a.getDecidedAt());
        }
    }

    public record ProposalView(long id, long caseId, long contactId, String kind, Long catalogItemId, String description,
                               String cardMessage, MoneyView cost, String verdict, String explanation, String status,
                               int approvalsNeeded, List<ApprovalView> approvals, String proposedBy, Instant proposedAt,
                               Instant decidedAt, String fulfillmentStatus, long version) {
        static ProposalView of(CompensationProposal p, List<Approval> approvals) {
            return new ProposalView(p.getId(), p.getCaseId(), p.getContactId(), p.getKind().name(), p.getCatalogItemId(),
                    p.getDescription(), p.getCardMessage(), MoneyView.of(p.cost()), p.getVerdict().name(), p.getExplanation(),
                    p.getStatus().name(), p.getApprovalsNeeded(), approvals.stream().map(ApprovalView::of).toList(),
                    p.getProposedBy(), p.getProposedAt(), p.getDecidedAt(), p.getFulfillmentStatus(), p.getVersion());
        }
    }

    /** What a client sees of compensation: the gift and its delivery, never the policy numbers. */
    public record ClientProposalView(long id, String kind, String description, String status, String fulfillmentStatus) {
        static ClientProposalView of(CompensationProposal p) {
            return new ClientProposalView(p.getId(), p.getKind().name(), p.getDescription(), p.getStatus().name(), p.getFulfillmentStatus());
        }
    }

    public record QueueItemView(ProposalView proposal, String caseKey, String caseTitle, String severity, long accountId,
                                String accountName, long approvalsSoFar, boolean mayApprove, String cannotApproveBecause) {
        static QueueItemView of(Proposals.QueueItem item, List<Approval> approvals) {
            return new QueueItemView(ProposalView.of(item.proposal(), approvals), item.apologyCase().getCaseKey(),
                    item.apologyCase().getTitle(), item.apologyCase().getSeverity().name(), item.account().getId(),
                    item.account().getName(), item.approvalsSoFar(), item.cannotApproveBecause() == null, item.cannotApproveBecause());
        }
    }
}
