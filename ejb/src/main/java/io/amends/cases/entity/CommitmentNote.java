package io.amends.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A progress note on a commitment; those marked visible keep the client informed in the portal. */
@Entity
@Table(name = "commitment_note")
@NamedQuery(name = CommitmentNote.OF_COMMITMENT, query = "SELECT n FROM CommitmentNote n WHERE n.commitmentId = :commitment "
        + "ORDER BY n.writtenAt, n.id")
public class CommitmentNote {

    public static final String OF_COMMITMENT = "CommitmentNote.ofCommitment";

    @Id
    @SequenceGenerator(name = "commitment_note_seq", sequenceName = "commitment_note_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_note_seq")
    private Long id;

    @Column(name = "commitment_id", nullable = false, updatable = false)
    private Long commitmentId;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(nullable = false, updatable = false)
    private String note;

    @Column(name = "visible_to_client", nullable = false, updatable = false)
    private boolean visibleToClient;

    protected CommitmentNote() {
        // for JPA
    }

    public CommitmentNote(Long commitmentId, Instant writtenAt, String author, String note, boolean visibleToClient) {
        this.commitmentId = Objects.requireNonNull(commitmentId);
        this.writtenAt = Objects.requireNonNull(writtenAt);
        this.author = Objects.requireNonNull(author);
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("A progress note says what progressed");
        }
        this.note = note.strip();
        this.visibleToClient = visibleToClient;
    }

    public Long getId() {
        return id;
    }

    public Long getCommitmentId() {
        return commitmentId;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getAuthor() {
        return author;
    }

    public String getNote() {
        return note;
    }

    public boolean isVisibleToClient() {
        return visibleToClient;
    }
}
