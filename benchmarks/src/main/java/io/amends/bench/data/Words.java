package io.amends.bench.data;

import java.util.List;
import java.util.SplittableRandom;

/** The word pools the generated people, companies, addresses and case texts are drawn from. */
final class Words {

    private Words() {
    }

    /** A country customers live in, with its currency, language and a few cities with a postal code each. */
    record Country(String code, String currency, String language, double weight, String phonePrefix, List<String> streets,
                   List<String[]> cities, List<String> suffixes) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("DE", "EUR", "de", 0.33, "+49 30 ", List.of("Friedrichstraße", "Hauptstraße", "Bahnhofstraße", "Lindenallee",
                    "Schillerweg", "Am Markt", "Gartenstraße"), List.of(new String[] {"Berlin", "10117"}, new String[] {"Hamburg", "20095"},
                    new String[] {"München", "80331"}, new String[] {"Köln", "50667"}, new String[] {"Leipzig", "04109"},
                    new String[] {"Frankfurt am Main", "60311"}), List.of("GmbH", "AG", "GmbH & Co. KG", "KG")),
            new Country("AT", "EUR", "de", 0.05, "+43 1 ", List.of("Mariahilfer Straße", "Ringstraße", "Landstraße"),
                    List.of(new String[] {"Wien", "1010"}, new String[] {"Graz", "8010"}, new String[] {"Linz", "4020"}),
                    List.of("GmbH", "AG")),
            new Country("FR", "EUR", "en", 0.10, "+33 1 ", List.of("Rue de Rivoli", "Avenue Victor Hugo", "Boulevard Voltaire"),
                    List.of(new String[] {"Paris", "75001"}, new String[] {"Lyon", "69001"}, new String[] {"Lille", "59000"}),
                    List.of("SA", "SARL", "SAS")),
            new Country("NL", "EUR", "en", 0.08, "+31 20 ", List.of("Damrak", "Keizersgracht", "Coolsingel"),
                    List.of(new String[] {"Amsterdam", "1012 AB"}, new String[] {"Rotterdam", "3011 AA"}, new String[] {"Utrecht", "3511 AB"}),
                    List.of("B.V.", "N.V.")),
            new Country("BE", "EUR", "en", 0.05, "+32 2 ", List.of("Rue Neuve", "Meir", "Avenue Louise"),
                    List.of(new String[] {"Bruxelles", "1000"}, new String[] {"Antwerpen", "2000"}, new String[] {"Gent", "9000"}),
                    List.of("NV", "SA", "BV")),
            new Country("IE", "EUR", "en", 0.03, "+353 1 ", List.of("Grafton Street", "O'Connell Street", "Patrick Street"),
                    List.of(new String[] {"Dublin", "D02 X285"}, new String[] {"Cork", "T12 YX2K"}), List.of("Ltd", "DAC")),
            new Country("ES", "EUR", "en", 0.04, "+34 91 ", List.of("Calle Mayor", "Gran Vía", "Paseo de Gracia"),
                    List.of(new String[] {"Madrid", "28013"}, new String[] {"Barcelona", "08007"}, new String[] {"Valencia", "46002"}),
                    List.of("S.L.", "S.A.")),
            new Country("IT", "EUR", "en", 0.04, "+39 02 ", List.of("Via Roma", "Corso Buenos Aires", "Via Dante"),
                    List.of(new String[] {"Milano", "20121"}, new String[] {"Roma", "00184"}, new String[] {"Torino", "10121"}),
                    List.of("S.p.A.", "S.r.l.")),
            new Country("GB", "GBP", "en", 0.15, "+44 20 ", List.of("High Street", "Market Street", "Station Road", "Church Lane"),
                    List.of(new String[] {"London", "EC1A 1BB"}, new String[] {"Manchester", "M1 1AE"}, new String[] {"Leeds", "LS1 4AP"},
                    new String[] {"Bristol", "BS1 4DJ"}), List.of("Ltd", "plc", "LLP")),
            new Country("US", "USD", "en", 0.13, "+1 512 555 ", List.of("Main Street", "Oak Avenue", "Congress Avenue", "5th Avenue"),
                    List.of(new String[] {"Austin", "78701"}, new String[] {"New York", "10001"}, new String[] {"Chicago", "60601"},
                    new String[] {"Seattle", "98101"}), List.of("Inc", "LLC", "Corp")));

    static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannah", "Isabel", "Jonas",
            "Karin", "Lukas", "Marie", "Nora", "Oliver", "Paula", "Quentin", "Rosa", "Simon", "Tara", "Ulrich", "Vera", "William",
            "Xenia", "Yusuf", "Zoe", "Amelia", "Carlos", "Fatima", "Giulia", "Hugo", "Ines", "James", "Lea", "Marco", "Noah",
            "Olivia", "Pierre", "Sofia", "Thomas");

    static final List<String> LAST = List.of("Becker", "Schulz", "Martin", "Dubois", "de Vries", "Jansen", "Murphy", "García",
            "Rossi", "Smith", "Johnson", "Brown", "Wilson", "Müller", "Schmidt", "Fischer", "Weber", "Wagner", "Lefebvre", "Moreau",
            "Peeters", "Bakker", "Kelly", "Fernández", "Bianchi", "Taylor", "Davies", "Evans", "Miller", "Davis", "Hoffmann",
            "Koch", "Richter", "Laurent", "Visser", "Byrne", "López", "Romano", "Walker", "Clark");

    static final List<String> COMPANY = List.of("Acme", "Nordlicht", "Bluewater", "Everest", "Silverline", "Northwind", "Brightpath",
            "Keystone", "Lumen", "Harbor", "Summit", "Vertex", "Oakridge", "Polaris", "Redwood", "Sterling", "Tandem", "Unity",
            "Westgate", "Zenith", "Alpina", "Crestview", "Delta", "Fjord", "Granite", "Helix", "Ironbridge", "Juniper", "Kestrel",
            "Meridian");

    static final List<String> TRADE = List.of("Logistics", "Retail", "Software", "Foods", "Engineering", "Textiles", "Pharma",
            "Media", "Travel", "Energy", "Furniture", "Electronics", "Consulting", "Print", "Hotels");

    static final List<String> ROLE_TITLES = List.of("Head of Procurement", "CFO", "Operations Director", "Office Manager",
            "Purchasing Lead", "Managing Director", "IT Manager", "Customer Care Lead");

    /** Case texts per root cause code: title, what happened, what the customer said, what we fix, why it happened. */
    record CauseTexts(List<String> titles, List<String> descriptions, List<String> summaries, List<String> asks,
                      List<String> issues, List<String> reasons, List<String> fixes, List<String> commitments) {
    }

    static final CauseTexts BILLING = new CauseTexts(
            List.of("Invoice charged twice", "Invoice sent two weeks early", "Wrong VAT rate on the invoice", "Credit note missing"),
            List.of("The customer was charged twice for the same invoice and had to ask their bank to reverse one payment.",
                    "An invoice went out before the service period began; their finance team had to reverse a payment run."),
            List.of("Explained the double charge and listened to how it disrupted their month-end close",
                    "Walked through the invoice line by line; they want a corrected invoice"),
            List.of("A corrected invoice and the refund this week", "Confirmation in writing that it will not happen again"),
            List.of("You were charged twice for your last invoice", "Your invoice arrived two weeks early"),
            List.of("a retry in our payment system sent the same charge a second time",
                    "our billing run used the wrong service period"),
            List.of("refund the second charge", "send you a corrected invoice"),
            List.of("Add a duplicate-charge check to the billing run", "Review the invoice dates of all accounts on the same plan"));

    static final CauseTexts LATE_DELIVERY = new CauseTexts(
            List.of("Pallets delivered three days late", "Delivery missed the agreed window", "Parcel stuck at the depot"),
            List.of("The delivery due on Monday arrived on Thursday; the warehouse had to pay overtime.",
                    "The goods missed the agreed delivery window and the customer's line stood still for a shift."),
            List.of("Listened to the impact on their warehouse team and apologised for the missed window",
                    "Confirmed the new delivery date and the extra costs they had"),
            List.of("A guaranteed slot for the next delivery", "Reimbursement of the overtime"),
            List.of("Your delivery arrived three days late", "We missed the delivery window we had agreed with you"),
            List.of("we booked the transport for the wrong week", "a depot transfer was not scheduled"),
            List.of("book your next three deliveries with a guaranteed slot", "reimburse the overtime you paid"),
            List.of("Check transport bookings against the order date", "Call the customer a day before each delivery this quarter"));

    static final CauseTexts OUTAGE = new CauseTexts(
            List.of("Checkout outage during the sale", "Portal unavailable for two hours", "API errors during peak hours"),
            List.of("The storefront API was down for 47 minutes on the busiest morning of the year.",
                    "The customer portal answered with errors for two hours; orders could not be placed."),
            List.of("Went through the outage timeline with them and the orders they lost",
                    "Heard how the outage hit their sale; they want a post-incident report"),
            List.of("The post-incident report", "A credit for the lost hours"),
            List.of("Our service was down while you needed it most", "You could not place orders for two hours"),
            List.of("a configuration change was rolled out without a canary", "a database failover did not complete"),
            List.of("send you the full post-incident report", "credit the hours of the outage"),
            List.of("Publish the post-incident report", "Add a canary stage to configuration roll-outs"));

    static final CauseTexts QUALITY = new CauseTexts(
            List.of("Damaged parcel", "Product arrived faulty", "Wrong item delivered"),
            List.of("The item arrived broken and could not be used.", "The wrong product was delivered and the right one is out of stock."),
            List.of("Looked at the photos of the damage together and agreed on a replacement",
                    "Confirmed which item they ordered and how urgently they need it"),
            List.of("A replacement sent by express", "A refund instead of a replacement"),
            List.of("Your order arrived damaged", "We sent you the wrong item"),
            List.of("the parcel was packed without protection", "two items were swapped at picking"),
            List.of("send you a replacement by express", "collect the wrong item and refund it"),
            List.of("Check the packing of fragile items", "Add a scan check at picking"));

    static final CauseTexts SERVICE = new CauseTexts(
            List.of("Support ticket unanswered for a week", "Rude answer on the hotline", "Callback never came"),
            List.of("A support ticket waited seven days for a first answer.", "The customer was promised a callback that never came."),
            List.of("Apologised for the wait and solved the open question on the call",
                    "Listened to how the hotline call went and what they expected"),
            List.of("A named contact for their tickets", "An answer to the original question"),
            List.of("Your ticket waited a week for an answer", "We did not call you back as promised"),
            List.of("the ticket was routed to a queue nobody watches", "the callback was not written down"),
            List.of("give you a named contact for every ticket", "answer your open question in full"),
            List.of("Review the routing of unassigned tickets", "Track promised callbacks in the case system"));

    static final CauseTexts MISCOMMUNICATION = new CauseTexts(
            List.of("Contract terms explained wrongly", "Price change not announced", "Conflicting answers from two teams"),
            List.of("The customer was told one thing by sales and another by support.", "A price change took effect without notice."),
            List.of("Clarified the terms and listened to the confusion it caused",
                    "Explained the price change and why the notice did not reach them"),
            List.of("The terms in writing", "The old price until the notice period has passed"),
            List.of("You were given two different answers about your contract", "Your price changed without notice"),
            List.of("the teams worked from different versions of the terms", "the notice went to an old address"),
            List.of("keep the old price until the notice period has passed", "send you the terms in writing"),
            List.of("Publish one version of the terms for all teams", "Update the notice address of every account"));

    static CauseTexts forCause(String code) {
        return switch (code == null ? "" : code) {
            case "BILLING" -> BILLING;
            case "LATE_DELIVERY" -> LATE_DELIVERY;
            case "OUTAGE" -> OUTAGE;
            case "QUALITY" -> QUALITY;
            case "MISCOMMUNICATION" -> MISCOMMUNICATION;
            default -> SERVICE;
        };
    }

    static final List<String> REJECT_REASONS = List.of("Too generous for a first incident; propose a card instead",
            "The customer already received a credit this quarter", "Please try a discount of half the amount");

    static final List<String> WAIVE_REASONS = List.of("The customer no longer needs it after the replacement",
            "Superseded by the new contract", "The customer asked us not to");

    static final List<String> REOPEN_REASONS = List.of("the refund has not arrived", "the replacement is damaged too",
            "the same problem happened again the next day");

    static final List<String> RESOLUTION_SUMMARIES = List.of("refund made and confirmed by phone", "replacement delivered",
            "the customer is satisfied with the answer", "credit applied to the next invoice");

    static final List<String> STOREFRONTS = List.of("webshop-eu", "webshop-uk", "webshop-us", "marketplace");

    static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
