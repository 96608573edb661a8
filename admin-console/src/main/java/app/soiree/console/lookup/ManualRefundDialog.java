package app.soiree.console.lookup;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundStatus;
import app.soiree.console.platform.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Support gives part or all of a booking's payment back to the guest, with a reason. The dialog offers
 * at most what is left to refund (the capture less every refund that has not failed); the payment
 * checks that again, and also refuses while a dispute holds the money. The refund id is chosen when the
 * dialog opens, so pressing the button twice, or retrying after a lost answer, asks for one refund only.
 */
class ManualRefundDialog extends Dialog {

    static final int MAX_REASON_LENGTH = 500;

    private final BookingView booking;
    private final PaymentId paymentId;
    private final Currency currency;
    private final long refundableMinor;
    final RefundId refundId = RefundId.random();
    final BigDecimalField amount = new BigDecimalField("Amount");
    final TextArea reason = new TextArea("Reason");
    final Button refund = new Button("Refund…");
    @Nullable ConfirmDialog confirmation;

    /** {@code send} returns whether the refund was accepted; only then does the dialog close. */
    ManualRefundDialog(BookingView booking, PaymentView payment, Predicate<RefundPayment> send) {
        this.booking = booking;
        this.paymentId = payment.paymentId();
        this.currency = payment.amount().currency();
        this.refundableMinor = refundable(payment).amountMinor();
        setHeaderTitle("Refund booking " + booking.bookingId());
        Paragraph facts = new Paragraph("Captured " + Formats.money(payment.amount()) + "; left to refund "
                + Formats.money(refundable(payment)) + ". The guest gets the money back through " + payment.provider() + ".");
        facts.addClassName("muted");
        amount.setSuffixComponent(new Span(currency.getCurrencyCode()));
        amount.setValue(decimal(refundableMinor));
        amount.setRequiredIndicatorVisible(true);
        amount.setHelperText("Up to " + Formats.money(refundable(payment)));
        reason.setRequired(true);
        reason.setMaxLength(MAX_REASON_LENGTH);
        reason.setWidthFull();
        reason.setHelperText("Shown to finance and kept on the refund's events");
        refund.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        refund.addClickListener(click -> confirm(send));
        add(facts, amount, reason);
        getFooter().add(new Button("Cancel", click -> close()), refund);
    }

    /** What may still be refunded: the capture less each refund that has not failed. */
    static Money refundable(PaymentView payment) {
        long taken = payment.refunds().stream()
                .filter(refund -> refund.status() != RefundStatus.FAILED)
                .mapToLong(refund -> refund.amount().amountMinor())
                .sum();
        return Money.of(Math.max(0, payment.amount().amountMinor() - taken), payment.amount().currency().getCurrencyCode());
    }

    private void confirm(Predicate<RefundPayment> send) {
        Long minor = checkedAmount();
        boolean reasonGiven = !reason.getValue().isBlank();
        reason.setInvalid(!reasonGiven);
        reason.setErrorMessage(reasonGiven ? null : "Say why; finance reads it");
        if (minor == null || !reasonGiven) {
            return;
        }
        Money money = Money.of(minor, currency.getCurrencyCode());
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Refund " + Formats.money(money) + "?");
        dialog.setText("The guest of booking " + booking.bookingId() + " gets " + Formats.money(money)
                + " back. A refund cannot be taken back once the provider made it.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Refund " + Formats.money(money));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> {
            if (send.test(new RefundPayment(paymentId, refundId, money, reason.getValue().strip()))) {
                close();
            }
        });
        confirmation = dialog;
        dialog.open();
    }

    /** The amount in minor units, or null (with the field marked) when it is not a positive amount up to what is left. */
    private @Nullable Long checkedAmount() {
        BigDecimal value = amount.getValue();
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        String problem = null;
        Long minor = null;
        if (value == null || value.signum() <= 0) {
            problem = "Enter an amount above zero";
        } else if (value.stripTrailingZeros().scale() > digits) {
            problem = currency.getCurrencyCode() + " has " + digits + " decimal places";
        } else {
            minor = value.movePointRight(digits).longValueExact();
            if (minor > refundableMinor) {
                problem = "At most " + Formats.money(Money.of(refundableMinor, currency.getCurrencyCode())) + " is left to refund";
                minor = null;
            }
        }
        amount.setInvalid(problem != null);
        amount.setErrorMessage(problem);
        return minor;
    }

    private BigDecimal decimal(long minor) {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits())).setScale(
                Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.UNNECESSARY);
    }

    /** Whether a refund can be asked for at all: a captured payment with something left to give back. */
    static boolean offered(@Nullable PaymentView payment) {
        return payment != null && payment.status() == PaymentStatus.CAPTURED
                && refundable(payment).amountMinor() > 0;
    }
}
