package io.amends.web.cases;

import io.amends.cases.boundary.Commitments;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Role;
import io.amends.web.platform.Formats;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Add a commitment: what we will do so this never happens again, by when, and who does it. */
@Named
@ViewScoped
public class CommitmentBacking extends CaseScreen {

    private static final long serialVersionUID = 1L;

    /** A commitment is due at the end of the working day it names, in the user's zone. */
    private static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    @Inject
    Commitments commitments;

    @Inject
    Users users;

    @Inject
    Formats formats;

    @NotBlank(message = "{amends.commitment.description}")
    @Size(max = 2000)
    private String description;

    @NotNull(message = "{amends.commitment.due}")
    private LocalDate dueDate;

    private String owner;
    private List<AppUser> owners;
    private ZoneId zone;

    @Override
    protected void loaded() {
        zone = formats.zone();
        dueDate = LocalDate.now(zone).plusDays(7);
        owners = users.withRole(Role.ACCOUNT_MANAGER);
        owner = caller().username();
    }

    public void save() {
        try {
            commitments.make(caller(), getCaseId(), new Commitments.MakeCommitment(description,
                    dueDate.atTime(END_OF_DAY).atZone(zone).toInstant(), owner));
            Pages.info("commitment.made");
            backToCase();
        } catch (RuntimeException e) {
            Pages.refused(e, "commitment");
        }
    }

    public LocalDate getToday() {
        return LocalDate.now(zone);
    }

    public List<AppUser> getOwners() {
        return owners;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
