package io.amends.web.cases;

import io.amends.accounts.boundary.Accounts.Page;
import io.amends.cases.boundary.CaseFilter;
import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.users.entity.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A list of cases paged by the server ({@link Cases#list}: most urgent first), for a lazy PrimeFaces data table.
 */
public class CaseListModel extends LazyDataModel<ApologyCase> {

    private static final long serialVersionUID = 1L;

    private final Cases cases;
    private final Caller caller;
    private final Supplier<CaseFilter> filter;

    /** {@code filter} is asked on every load, so a screen's filter fields apply as soon as the table reloads. */
    public CaseListModel(Cases cases, Caller caller, SerializableSupplier<CaseFilter> filter) {
        this.cases = cases;
        this.caller = caller;
        this.filter = filter;
    }

    /** A supplier a view-scoped bean can keep. */
    public interface SerializableSupplier<T> extends Supplier<T>, java.io.Serializable {
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) cases.list(caller, filter.get(), 0, 1).total();
    }

    @Override
    public List<ApologyCase> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(pageSize, 200));
        Page<ApologyCase> page = cases.list(caller, filter.get(), first / size, size);
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(ApologyCase row) {
        return String.valueOf(row.getId());
    }

    @Override
    public ApologyCase getRowData(String rowKey) {
        return null;
    }
}
