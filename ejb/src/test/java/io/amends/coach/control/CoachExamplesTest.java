package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The English rule book against a table of example sentences and letters, good ones included so that false
 * positives fail as loudly as misses.
 */
class CoachExamplesTest {

    private final Coach coach = Coach.forLanguage("en");

    /**
     * Single sentences: only findings with a position count, because a lone sentence rarely both takes
     * responsibility and says why, and those whole-letter rules are covered by the letter table.
     */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            The courier lost your parcel.                                          | blame.third-party
            Unfortunately our courier lost it.                                     | cold.unfortunately blame.third-party
            UNFORTUNATELY THE COURIER WAS LATE.                                    | cold.unfortunately blame.third-party
            Our supplier sent the parts late.                                      | blame.third-party
            The delivery partner left it at the wrong door.                        | blame.third-party cold.wrong
            Our payment provider declined the card.                                | blame.third-party
            We chose a courier that let you down.                                  | none
            The courier we chose was late, and that is on us.                      | none
            This was not our fault.                                                | blame.not-our-fault
            It wasn't our fault, the system crashed.                               | blame.not-our-fault
            It was through no fault of ours.                                       | blame.not-our-fault
            We are not responsible for delays in transit.                          | blame.not-our-fault
            We cannot accept responsibility for this.                              | blame.not-our-fault
            There was nothing we could do.                                         | blame.not-our-fault
            Due to circumstances beyond our control, your order is late.           | blame.beyond-control
            Unforeseen circumstances delayed the shipment.                         | blame.beyond-control
            You should have read the manual.                                       | blame.customer
            You should have received your order on Monday.                         | none
            You failed to update your card details.                                | blame.customer
            It was your mistake.                                                   | blame.customer
            None of this was your fault.                                           | none
            It is in no way your fault.                                            | none
            We are sorry if you were offended.                                     | conditional.if
            We apologise if this caused any trouble.                               | conditional.if
            If anyone was upset by the email, we are sorry.                        | conditional.if
            Some customers may have been affected.                                 | conditional.if
            I am sorry you feel that way.                                          | conditional.feelings
            I'm sorry you're upset.                                                | conditional.feelings
            We are sorry that you felt let down.                                   | conditional.feelings
            To the extent that you were affected, we apologise.                    | conditional.hedge
            The perceived delay was short.                                         | conditional.hedge
            Sorry, but our terms are clear.                                        | conditional.sorry-but
            Sorry, we mixed up your order.                                         | none
            As per our terms, refunds take 30 days.                                | cold.legalese
            Per our terms, no refund is due.                                       | cold.legalese
            Please be advised that your account is closed.                         | cold.legalese
            We regret any inconvenience caused.                                    | cold.inconvenience
            We apologise for the inconvenience.                                    | cold.inconvenience
            We know this was far more than an inconvenience.                       | none
            Regrettably, the item is out of stock.                                 | cold.unfortunately
            Our policy does not allow refunds after 30 days.                       | cold.policy
            We have changed our refund policy so this cannot happen again.         | none
            You entered the wrong address.                                         | cold.wrong
            I think you're wrong about the date.                                   | cold.wrong
            We sent you the wrong size.                                            | none
            We got it wrong.                                                       | none
            Here is what went wrong.                                               | none
            You were charged the wrong amount.                                     | none
            We will fix this.                                                      | promise.undated
            We will make sure it never happens again.                              | promise.undated
            We'll look into it and get back to you.                                | promise.undated
            We will fix this as soon as possible.                                  | promise.undated promise.vague
            We will fix it. It will be done by Friday.                             | promise.undated
            We will refund you by 12 December.                                     | none
            We'll fix it by Friday.                                                | none
            We will resend the parcel within 3 days.                               | none
            We will credit your account on 2026-12-01.                             | none
            By December 12 we will have replaced the router.                       | none
            I will personally call you tomorrow.                                   | none
            We are going to refund the fee before the end of the week.             | none
            We will fix it on the 12th.                                            | none
            We will fix it by the end of March.                                    | none
            We will fix it this week.                                              | promise.undated
            We failed you; I am sorry we billed you early because our system ran the renewal twice. | none
            This was our mistake and I take responsibility for it.                 | none
            Thank you for your patience while we sort this out.                    | none
            """)
    void sentenceRaisesExactlyTheExpectedRules(String sentence, String expected) {
        Set<String> fired = coach.check(sentence).findings().stream()
                .filter(f -> !f.wholeLetter())
                .map(Finding::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(fired).as("rules fired by: %s", sentence).isEqualTo(ids(expected));
    }

    /** Whole letters: every finding counts, including "never takes responsibility" and "never says why". */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Dear Ms Novak, we failed you. You were charged twice because our system retried the payment. We will refund the second charge by Friday 12 December. Jan | none
            We failed you; I am sorry we billed you early because our system renewed your plan twice. | none
            Dear Mr Li, I am sorry. That was our mistake: your invoice went out early because we changed the billing date without telling you. We will credit the fee within 3 working days. Ana | none
            Dear Mr Li, this was our fault. You were left without internet for two days when our engineer missed the appointment. I will call you tomorrow at 10:00 to arrange a new visit. Ana | none
            Dear Priya, we failed you and I am sorry. Your order arrived damaged because we packed it badly. We will send a replacement by Thursday 4 December. Tom | none
            Dear Ms Novak, unfortunately our courier lost your parcel. We will send a new one. Jan | cold.unfortunately blame.third-party promise.undated responsibility.missing
            Dear customer, we regret any inconvenience caused. As per our policy, no refund is possible. Regards | cold.inconvenience cold.legalese cold.policy responsibility.missing why.missing
            Hi Tom, I'm sorry if you were upset. It was not our fault. Best, Ana | conditional.if blame.not-our-fault responsibility.missing why.missing
            Dear Mr Li, we got this wrong and I take responsibility. We will make sure it never happens again. Ana | why.missing promise.undated
            Dear Mr Li, I am sorry. You had to call us four times before anyone listened. Ana | responsibility.missing
            Dear Ms Park, we let you down: you waited three weeks for a replacement. We should have told you. Sorry, but the warehouse was closed. Jan | conditional.sorry-but
            Dear Sam, our mistake, truly. The parts arrived late due to circumstances beyond our control. Jan | blame.beyond-control
            Dear Sam, I apologise if our decision to close your account upset you. As stated in our terms and conditions, we may do so. Jan | conditional.if cold.legalese responsibility.missing why.missing
            Dear Sam, you should have read the manual. We are sorry you feel let down. Jan | blame.customer conditional.feelings responsibility.missing why.missing
            Dear Erika, this was not our fault; the courier lost the invoice. Sorry if you were offended. | blame.not-our-fault blame.third-party conditional.if responsibility.missing why.missing
            Dear Erika, I am sorry: we billed you two weeks early because our billing run used the wrong date. That was our mistake, and it cost your team a reversed payment run. We have corrected the schedule, and by 15 December 2026 every invoice will be checked before it goes out. Alice | none
            """)
    void letterRaisesExactlyTheExpectedRules(String letter, String expected) {
        assertThat(new TreeSet<>(coach.check(letter).ruleIds())).as("rules fired by: %s", letter)
                .isEqualTo(ids(expected));
    }

    private static Set<String> ids(String expected) {
        String trimmed = expected.strip();
        return trimmed.equals("none") ? Set.of()
                : Arrays.stream(trimmed.split("\\s+")).collect(Collectors.toCollection(TreeSet::new));
    }
}
