package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.revocation.RequestView.Progress;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds what a request message shows, from the ledger: the same on every replica, and always the
 * request as it stands now.
 */
@ApplicationScoped
public class RequestViews {

    private final Ledger ledger;
    private final ButtonSigner signer;
    private final RevokeSettings settings;

    RequestViews(Ledger ledger, ButtonSigner signer, RevokeSettings settings) {
        this.ledger = ledger;
        this.signer = signer;
        this.settings = settings;
    }

    /** The request as it stands now; empty when the ledger has no such request. */
    public Optional<RequestView> current(String requestId) {
        return ledger.entry(requestId).map(entry -> {
            TokenSnapshot snapshot = TokenSnapshot.parse(entry.snapshot());
            return view(entry.request(), snapshot.token(), snapshot.others(), entry.approvers(), entry.deactivation());
        });
    }

    /** Whether the ledger still has the request as {@code shown}: nobody changed it since. */
    public boolean isCurrent(RevocationRequest shown) {
        return ledger.find(shown.id())
                .map(now -> now.version() == shown.version())
                .orElse(false);
    }

    /** A request just opened: no approvals yet. */
    RequestView opened(RevocationRequest request, TokenSummary token, OptionalInt others) {
        return view(request, token, others, Map.of(), Optional.empty());
    }

    /** How many distinct approvers {@code action} needs. */
    int needed(Intent action) {
        return switch (action) {
            case DEACTIVATE -> settings.deactivateApprovals();
            case REVOKE -> settings.deleteApprovals();
            case REACTIVATE, CANCEL -> 1;
        };
    }

    private RequestView view(
            RevocationRequest request,
            TokenSummary token,
            OptionalInt others,
            Map<Intent, List<String>> approvers,
            Optional<DecisionRecord> deactivation) {
        Optional<Progress> deactivate = token.targetKind().canDeactivate()
                ? Optional.of(progress(Intent.DEACTIVATE, approvers))
                : Optional.empty();
        return new RequestView(
                request,
                token,
                others,
                signer.seal(request.id()),
                deactivate,
                progress(Intent.REVOKE, approvers),
                deactivation);
    }

    private Progress progress(Intent action, Map<Intent, List<String>> approvers) {
        return new Progress(needed(action), approvers.getOrDefault(action, List.of()));
    }
}
