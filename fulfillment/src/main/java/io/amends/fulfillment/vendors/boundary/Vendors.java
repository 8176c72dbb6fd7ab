package io.amends.fulfillment.vendors.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The vendors Amends can order from, by name: every {@link Vendor} bean in the application. */
@ApplicationScoped
public class Vendors {

    @Inject
    @Any
    Instance<Vendor> all;

    public Optional<Vendor> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Vendor vendor : all) {
            if (vendor.name().equals(wanted)) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }

    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        all.forEach(v -> names.add(v.name()));
        return new ArrayList<>(names);
    }

    public List<VendorDescription> descriptions() {
        return names().stream().map(n -> named(n).orElseThrow().describe()).toList();
    }
}
