package io.amends.platform.boundary;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.LtvSource;
import io.amends.accounts.entity.Segment;
import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.OpenCase;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Channel;
import io.amends.cases.entity.Severity;
import io.amends.platform.control.AmendsClock;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo world for the embedded run: users for every role, a few customer accounts with contacts and lifetime
 * values, and cases in different states. Seeded once, into an empty database, and only in demo mode.
 *
 * <p>Every demo password is {@code <user name>-demo-2026}; the README lists them.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @EJB
    Users users;

    @EJB
    Accounts accounts;

    @EJB
    Cases cases;

    @Inject
    AmendsClock clock;

    /**
     * PBKDF2 hashes of the demo passwords, computed once with {@link io.amends.users.boundary.Users#HASH_PARAMETERS}
     * (210,000 iterations): hashing eight passwords took seconds of every first start. DemoDataTest checks that each
     * one matches {@link #demoPassword}.
     */
    static final Map<String, String> DEMO_HASHES = Map.of(
            "admin", "PBKDF2WithHmacSHA256:210000:VV9PI0olDMeuE3jaFqcgfGZEK/W4aXX+wLMBY8wtJOQ=:Mie2N62oVJm8kkADmhih81dz5k+hQRZukz1O3R2BU3s=",
            "maria", "PBKDF2WithHmacSHA256:210000:j/ZQyH7ShUPlDPLRFfDNc6OFPtcFIQoEotCo42vKERQ=:LS15FjQt8ln3NOX1yC1m82LqezPnGLR+I/wbGCXp7Cs=",
            "alice", "PBKDF2WithHmacSHA256:210000:BRhIOh8jQ7caGKM2Bh6VFtfDR05jn08bDd0wzeJw2oY=:3UnwQ2J13q+WlghHiHLmv+1e5DfIN2wpjP7vORmyVSA=",
            "bob", "PBKDF2WithHmacSHA256:210000:a6CatihrzYtFdfYRngnGLbzNNwKkIOtdcLp5DHCGhRs=:yJE02pC1OOGktEAnDbO0BaV2f5wCxL6JkRm9YCAVDYE=",
            "carol", "PBKDF2WithHmacSHA256:210000:7suvj3hEajyqtonv+KTNBDqH94QTjMiXEHmRtzsXzcs=:8UtWeO9tJ9q7y38U5S6W5QDOTyXNhjxubpw9YJQ1zys=",
            "dave", "PBKDF2WithHmacSHA256:210000:f6h+AxjrK4QVNFq9dXCU1tYRd/Pv0gt/ZgC3DvwDnCg=:rV1LudZU7fkJsWoePwZow1sH8xb6NVLX1HvIGSnI31g=",
            "acme.client", "PBKDF2WithHmacSHA256:210000:kshiLUrcuCulOZqHRdSaZEQx4NE0KyKCC+FwXbZKSYY=:WgeMojRBypTpDEglHI3VwNtmWT2mcPxB9k3NiD13bq8=",
            "globex.client", "PBKDF2WithHmacSHA256:210000:MkvsxAzXIuJndwoHz8j6+4/wCMhjUhHvRcVdYx+9Uq8=:HM9MfCKwcmV9sul55sTQL4of9vvbHp1YwZ++t0eExAc=");

    public static String demoPassword(String username) {
        return username + "-demo-2026";
    }

    public void seedIfEmpty() {
        if (users.findByUsername("alice").isPresent()) {
            return;
        }
        Caller seeder = Caller.system("demo-seed");
        if (users.withRole(Role.ADMIN).isEmpty()) {
            user("admin", "Ada Admin", "admin@amends.example", EnumSet.of(Role.ADMIN), null);
        }
        AppUser maria = user("maria", "Maria Lead", "maria@amends.example", EnumSet.of(Role.ACCOUNT_MANAGER), null);
        AppUser alice = user("alice", "Alice Account", "alice@amends.example", EnumSet.of(Role.ACCOUNT_MANAGER), null);
        AppUser bob = user("bob", "Bob Account", "bob@amends.example", EnumSet.of(Role.ACCOUNT_MANAGER), null);
        alice.reportsTo(maria.getId());
        bob.reportsTo(maria.getId());
        user("carol", "Carol Finance", "carol@amends.example", EnumSet.of(Role.FINANCE), null);
        user("dave", "Dave Finance", "dave@amends.example", EnumSet.of(Role.FINANCE), null);

        Instant now = clock.now();
        CustomerAccount acme = account("Acme Logistics GmbH", Segment.B2B, alice, "EUR", "de", 85_000_000L, 60_000_000L);
        CustomerAccount globex = account("Globex Retail Ltd", Segment.B2B, alice, "GBP", "en", 14_000_000L, 9_000_000L);
        CustomerAccount initech = account("Initech Software Inc", Segment.B2B, bob, "USD", "en", 2_500_000L, 3_000_000L);
        CustomerAccount jane = account("Jane Doe", Segment.B2C, bob, "EUR", "en", 45_000L, 0L);

        Contact hans = accounts.addContact(seeder, acme.getId(), "Hans Becker", "Head of Procurement", "hans.becker@acme.example",
                "+49 30 1234567", "Friedrichstraße 12", "10117", "Berlin", "DE");
        accounts.addContact(seeder, acme.getId(), "Petra Schulz", "CFO", "petra.schulz@acme.example", "+49 30 1234568",
                "Friedrichstraße 12", "10117", "Berlin", "DE");
        Contact nigel = accounts.addContact(seeder, globex.getId(), "Nigel Shaw", "Operations Director", "nigel.shaw@globex.example",
                "+44 20 7946 0000", "1 Market Street", "EC1A 1BB", "London", "GB");
        Contact peter = accounts.addContact(seeder, initech.getId(), "Peter Gibbons", "Engineering Manager", "peter@initech.example",
                "+1 512 555 0100", "4120 Freidrich Lane", "78744", "Austin", "US");
        Contact janeContact = accounts.addContact(seeder, jane.getId(), "Jane Doe", null, "jane.doe@mail.example", null,
                "Am Markt 3", "04109", "Leipzig", "DE");

        user("acme.client", "Hans Becker (Acme)", "hans.becker@acme.example", EnumSet.of(Role.CLIENT), acme.getId());
        user("globex.client", "Nigel Shaw (Globex)", "nigel.shaw@globex.example", EnumSet.of(Role.CLIENT), globex.getId());

        Caller aliceCaller = Users.toCaller(alice);
        Caller bobCaller = Users.toCaller(bob);
        open(aliceCaller, acme, hans, "Invoice sent two weeks early", "Acme was billed for November on 17 October; "
                + "their finance team had to reverse the payment run.", Severity.HIGH, Channel.PHONE, "BILLING");
        ApologyCase late = open(aliceCaller, acme, hans, "Pallets delivered three days late", "The 40 pallets due on Monday arrived "
                + "on Thursday; Acme's warehouse had to pay overtime.", Severity.MEDIUM, Channel.EMAIL, "LATE_DELIVERY");
        open(aliceCaller, globex, nigel, "Checkout outage during the sale", "The storefront API was down for 47 minutes "
                + "on Black Friday morning.", Severity.CRITICAL, Channel.HELPDESK, "OUTAGE");
        open(bobCaller, initech, peter, "Support ticket unanswered for a week", "Peter's ticket about licence keys "
                + "waited seven days for a first answer.", Severity.LOW, Channel.PORTAL, "SERVICE");
        open(bobCaller, jane, janeContact, "Damaged parcel", "The ceramic vase arrived broken.", Severity.LOW, Channel.EMAIL,
                "QUALITY");
        late.contacted(now);
        cases.record(late, aliceCaller, "CONTACTED", "Alice called Hans Becker and listened; confirmation email to follow", true);
        LOG.info("Demo data seeded: users admin, maria, alice, bob, carol, dave, acme.client, globex.client "
                + "(password: <user>-demo-2026)");
    }

    private AppUser user(String username, String name, String email, EnumSet<Role> roles, Long accountId) {
        String hash = DEMO_HASHES.get(username);
        return hash == null ? users.create(username, name, email, demoPassword(username), roles, accountId)
                : users.createHashed(username, name, email, hash, roles, accountId);
    }

    private CustomerAccount account(String name, Segment segment, AppUser manager, String currency, String language,
                                    long ltvMinor, long previousLtvMinor) {
        CustomerAccount account = accounts.create(name, segment, manager.getId(), currency, language);
        Instant now = clock.now();
        if (previousLtvMinor > 0) {
            accounts.setLifetimeValue(account.getId(), previousLtvMinor, LtvSource.DEMO, now.minus(Duration.ofDays(400)), "demo-seed");
        }
        accounts.setLifetimeValue(account.getId(), ltvMinor, LtvSource.DEMO, now.minus(Duration.ofDays(30)), "demo-seed");
        return account;
    }

    private ApologyCase open(Caller owner, CustomerAccount account, Contact contact, String title, String description,
                             Severity severity, Channel channel, String rootCause) {
        return cases.open(owner, new OpenCase(account.getId(), List.of(contact.getId()), title, description, severity, channel,
                rootCause, null, owner.username(), null));
    }
}
