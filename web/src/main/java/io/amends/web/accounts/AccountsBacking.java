package io.amends.web.accounts;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.Tier;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Accounts: find a customer by name, paged on the server. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    Users users;

    @Inject
    Caller caller;

    @Size(max = 200)
    private String name;

    private LazyDataModel<CustomerAccount> model;
    private final Map<Long, String> managers = new HashMap<>();

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) accounts.search(caller, name, 0, 1).total();
            }

            @Override
            public List<CustomerAccount> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                int size = Math.max(1, Math.min(pageSize, 200));
                Accounts.Page<CustomerAccount> page = accounts.search(caller, name, first / size, size);
                setRowCount((int) page.total());
                return page.items();
            }

            @Override
            public String getRowKey(CustomerAccount account) {
                return String.valueOf(account.getId());
            }

            @Override
            public CustomerAccount getRowData(String rowKey) {
                return null;
            }
        };
    }

    public void search() {
        // the table reloads with the name as it now stands
    }

    public Tier tier(CustomerAccount account) {
        return accounts.tierOf(account.getLtvMinor());
    }

    public String manager(Long managerId) {
        if (managerId == null) {
            return "—";
        }
        return managers.computeIfAbsent(managerId, id -> users.find(id).map(AppUser::getDisplayName).orElse("—"));
    }

    public LazyDataModel<CustomerAccount> getModel() {
        return model;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
