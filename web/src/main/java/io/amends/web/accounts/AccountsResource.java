package io.amends.web.accounts;

import io.amends.accounts.boundary.AccountChange;
import io.amends.accounts.boundary.AccountOverview;
import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.boundary.Accounts.Page;
import io.amends.accounts.boundary.ContactDetails;
import io.amends.accounts.boundary.ImportSummary;
import io.amends.accounts.boundary.LtvEntry;
import io.amends.accounts.boundary.LtvInForce;
import io.amends.accounts.boundary.NewAccount;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.ImportRefused;
import io.amends.accounts.entity.ImportTooLarge;
import io.amends.accounts.entity.LtvChange;
import io.amends.accounts.entity.LtvSource;
import io.amends.accounts.entity.Segment;
import io.amends.accounts.entity.Tier;
import io.amends.compensation.entity.Money;
import io.amends.platform.entity.Invalid;
import io.amends.users.entity.Role;
import io.amends.web.platform.Problem;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Customer accounts over HTTP: search and paging, opening and changing accounts, their contacts, and their lifetime
 * value (set by the CRM, imported from CSV, read at any moment). Delegates every rule to {@link Accounts}.
 *
 * <p>Staff see an account with its lifetime value, tier and manager; a client sees their own account only, in a
 * reduced form without any of those.
 */
@Path("accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    static final String CSV = "text/csv";

    @EJB
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** An amount as the API shows it: exact minor units, and a line for people such as {@code EUR 12,500.00}. */
    public record MoneyView(String currency, long amountMinor, String formatted) {
        static MoneyView of(String currency, long minor) {
            return new MoneyView(currency, minor, Money.of(currency, minor).format());
        }
    }

    /**
     * An account as staff see it.
     *
     * @param ltvEffectiveAt when the current lifetime value took effect; null while the CRM has sent none
     */
    public record AccountView(long id, String name, Segment segment, String currency, String language, String manager,
                              MoneyView ltv, Instant ltvEffectiveAt, Tier tier, Instant createdAt, long version) {
        static AccountView of(AccountOverview overview) {
            CustomerAccount a = overview.account();
            return new AccountView(a.getId(), a.getName(), a.getSegment(), a.getCurrency(), a.getLanguage(),
                    overview.managerUsername(), MoneyView.of(a.getCurrency(), a.getLtvMinor()),
                    Instant.EPOCH.equals(a.getLtvUpdatedAt()) ? null : a.getLtvUpdatedAt(), overview.tier(), a.getCreatedAt(),
                    a.getVersion());
        }
    }

    /** An account as its client sees it: no lifetime value, tier or manager. */
    public record ClientAccountView(long id, String name, Segment segment, String currency, String language) {
        static ClientAccountView of(CustomerAccount a) {
            return new ClientAccountView(a.getId(), a.getName(), a.getSegment(), a.getCurrency(), a.getLanguage());
        }
    }

    public record PageView<T>(List<T> items, long total, int page, int size) {
    }

    public record ContactView(long id, long accountId, String name, String roleTitle, String email, String phone, String street,
                              String postalCode, String city, String country, boolean hasPostalAddress, long version) {
        static ContactView of(Contact c) {
            return new ContactView(c.getId(), c.getAccountId(), c.getName(), c.getRoleTitle(), c.getEmail(), c.getPhone(),
                    c.getStreet(), c.getPostalCode(), c.getCity(), c.getCountry(), c.hasPostalAddress(), c.getVersion());
        }
    }

    /** One value in the lifetime-value history. */
    public record LtvChangeView(long id, MoneyView ltv, LtvSource source, Instant effectiveAt, Instant recordedAt,
                                String recordedBy) {
        static LtvChangeView of(LtvChange c) {
            return new LtvChangeView(c.getId(), MoneyView.of(c.getCurrency(), c.getLtvMinor()), c.getSource(), c.getEffectiveAt(),
                    c.getRecordedAt(), c.getRecordedBy());
        }
    }

    /** The lifetime value in force at a moment, and the change it comes from (null: none yet, the value is 0). */
    public record LtvView(long accountId, Instant at, MoneyView ltv, Tier tier, LtvChangeView change) {
        static LtvView of(LtvInForce l) {
            return new LtvView(l.accountId(), l.at(), MoneyView.of(l.currency(), l.ltvMinor()), l.tier(),
                    l.change() == null ? null : LtvChangeView.of(l.change()));
        }
    }

    /** What a PUT of a lifetime value recorded, and the value in force now (which a back-dated value does not move). */
    public record LtvRecordedView(LtvChangeView recorded, LtvView current) {
    }

    public record ImportView(int rows, int accounts, int current, Instant importedAt, String sha256) {
        static ImportView of(ImportSummary s) {
            return new ImportView(s.rows(), s.accounts(), s.current(), s.importedAt(), s.sha256());
        }
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public PageView<Object> search(@QueryParam("q") @Size(max = 200) String q,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<AccountOverview> found = accounts.overviews(caller.get(), q, page, size);
        List<Object> items = caller.get().isClient()
                ? found.items().stream().<Object>map(o -> ClientAccountView.of(o.account())).toList()
                : found.items().stream().<Object>map(AccountView::of).toList();
        return new PageView<>(items, found.total(), found.page(), found.size());
    }

    @POST
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response create(@NotNull @Valid NewAccount command) {
        AccountView created = AccountView.of(accounts.create(caller.get(), command));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public Object get(@PathParam("id") long id) {
        AccountOverview overview = accounts.overview(caller.get(), id);
        return caller.get().isClient() ? ClientAccountView.of(overview.account()) : AccountView.of(overview);
    }

    @PUT
    @Path("{id}")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public AccountView update(@PathParam("id") long id, @NotNull @Valid AccountChange change) {
        return AccountView.of(accounts.update(caller.get(), id, change));
    }

    @GET
    @Path("{id}/contacts")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public List<ContactView> contacts(@PathParam("id") long id) {
        return accounts.contacts(caller.get(), id).stream().map(ContactView::of).toList();
    }

    @POST
    @Path("{id}/contacts")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response addContact(@PathParam("id") long id, @NotNull @Valid ContactDetails details) {
        ContactView added = ContactView.of(accounts.addContact(caller.get(), id, details));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(added.id())).build()).entity(added).build();
    }

    @PUT
    @Path("{id}/contacts/{contactId}")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ContactView updateContact(@PathParam("id") long id, @PathParam("contactId") long contactId,
                                     @NotNull @Valid ContactDetails details) {
        return ContactView.of(accounts.updateContact(caller.get(), id, contactId, details));
    }

    @PUT
    @Path("{id}/ltv")
    @Allow({Role.FINANCE, Role.ADMIN})
    public LtvRecordedView setLifetimeValue(@PathParam("id") long id, @NotNull @Valid LtvEntry entry) {
        LtvChange recorded = accounts.setLifetimeValue(caller.get(), id, entry);
        return new LtvRecordedView(LtvChangeView.of(recorded), LtvView.of(accounts.lifetimeValueInForce(caller.get(), id, null)));
    }

    @GET
    @Path("{id}/ltv")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public LtvView lifetimeValue(@PathParam("id") long id, @QueryParam("at") @Size(max = 40) String at) {
        return LtvView.of(accounts.lifetimeValueInForce(caller.get(), id, at == null || at.isBlank() ? null : moment(at)));
    }

    @GET
    @Path("{id}/ltv/history")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<LtvChangeView> lifetimeValueHistory(@PathParam("id") long id) {
        return accounts.lifetimeValueHistory(caller.get(), id).stream().map(LtvChangeView::of).toList();
    }

    /**
     * Imports lifetime values from a CSV file, all or nothing. The body is read up to the size limit only, so an
     * oversized upload costs no more memory than an accepted one.
     *
     * <p>It accepts any media type and checks for {@code text/csv} itself: a {@code @Consumes} mismatch is refused
     * while JAX-RS matches the request, before the access rules run, and would tell a caller without the role 415
     * instead of 401 or 403.
     */
    @POST
    @Path("ltv/import")
    @Consumes(MediaType.WILDCARD)
    @Allow({Role.FINANCE, Role.ADMIN})
    public Response importLifetimeValues(InputStream body) throws IOException {
        String path = uri.getRequestUri().getPath();
        MediaType type = headers.getMediaType();
        if (type == null || !"text".equalsIgnoreCase(type.getType()) || !"csv".equalsIgnoreCase(type.getSubtype())) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the file as " + CSV + " (UTF-8 unless the Content-Type names another charset)", path).toResponse();
        }
        byte[] bytes = body.readNBytes(Accounts.IMPORT_MAX_BYTES + 1);
        if (bytes.length > Accounts.IMPORT_MAX_BYTES) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "The file is larger than "
                    + Accounts.IMPORT_MAX_BYTES / (1024 * 1024) + " MB; split it into files of at most "
                    + Accounts.IMPORT_MAX_ROWS + " rows", path).toResponse();
        }
        String csv;
        try {
            csv = charsetOf(headers.getMediaType()).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Problem.invalid("The file is not text in its charset (UTF-8 unless the Content-Type says otherwise)", path,
                    null).toResponse();
        }
        try {
            return Response.ok(ImportView.of(accounts.importLifetimeValues(caller.get(), csv))).build();
        } catch (ImportRefused refused) {
            List<Problem.FieldError> errors = refused.errors().stream()
                    .map(e -> new Problem.FieldError(e.where(), e.message())).toList();
            return Problem.invalid(refused.getMessage(), path, errors).toResponse();
        } catch (ImportTooLarge tooLarge) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.kind(), tooLarge.getMessage(), path).toResponse();
        }
    }

    private static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw new Invalid("Content-Type", "Unknown charset " + name);
        }
    }

    /** A moment as a query parameter: an ISO instant or date-time with offset, or a date (midnight UTC). */
    static Instant moment(String text) {
        String value = text.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new Invalid("at", "Not a moment: write an ISO instant such as 2026-01-31T09:30:00Z, or a date such as 2026-01-31");
        }
    }
}
