package io.amends.cases.entity;

/**
 * What the lifecycle guards need to know about a case's surroundings, gathered by the boundary in one go.
 *
 * @param contactsLogged      contacts logged on the case (calls, meetings, emails)
 * @param apologiesSent       apologies sent
 * @param openCommitments     commitments neither done nor waived
 * @param openCompensations   compensation proposals not yet settled (fulfilled, rejected, refused or withdrawn)
 */
public record CaseFacts(long contactsLogged, long apologiesSent, long openCommitments, long openCompensations) {
}
