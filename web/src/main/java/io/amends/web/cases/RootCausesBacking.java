package io.amends.web.cases;

import io.amends.cases.boundary.Taxonomy;
import io.amends.cases.entity.RootCause;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * The root-cause taxonomy as an administrator maintains it: add a cause, rename one, retire one (retired causes stay
 * on old cases and are no longer offered). {@link Taxonomy} checks the code and audits every change.
 */
@Named
@ViewScoped
public class RootCausesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Taxonomy taxonomy;

    @Inject
    Caller caller;

    private List<RootCause> all;

    @NotBlank(message = "{amends.rootCause.code}")
    @Size(max = 40)
    private String code;

    @NotBlank(message = "{amends.rootCause.label}")
    @Size(max = 120)
    private String label;

    /** The cause in the change form, by code. */
    private String editing;

    @NotBlank(message = "{amends.rootCause.label}")
    @Size(max = 120)
    private String newLabel;

    private boolean active;

    @PostConstruct
    void init() {
        all = taxonomy.all();
    }

    public void add() {
        try {
            RootCause added = taxonomy.add(caller, code, label);
            Pages.info("rootCause.added", added.getCode());
            code = null;
            label = null;
            all = taxonomy.all();
        } catch (RuntimeException e) {
            Pages.refused(e, "add");
        }
    }

    /** Puts a cause into the change form. */
    public void edit(RootCause cause) {
        editing = cause.getCode();
        newLabel = cause.getLabel();
        active = cause.isActive();
    }

    public void change() {
        try {
            RootCause changed = taxonomy.change(caller, editing, newLabel, active);
            Pages.info(changed.isActive() ? "rootCause.changed" : "rootCause.retired", changed.getCode());
            editing = null;
            all = taxonomy.all();
        } catch (RuntimeException e) {
            Pages.refused(e, "change");
        }
    }

    public void cancel() {
        editing = null;
    }

    public List<RootCause> getAll() {
        return all;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getEditing() {
        return editing;
    }

    public String getNewLabel() {
        return newLabel;
    }

    public void setNewLabel(String newLabel) {
        this.newLabel = newLabel;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
