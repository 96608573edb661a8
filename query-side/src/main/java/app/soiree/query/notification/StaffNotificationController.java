package app.soiree.query.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.FindNotificationsForStaff;
import app.soiree.api.notification.StaffNotificationPage;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's notifications with every delivery's history, for support; the console asks the same query. */
@RestController
class StaffNotificationController {

    private final QueryGateway queryGateway;

    StaffNotificationController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/staff/notifications")
    @Tag(name = "Staff")
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Every notification of a user, newest planned first, with its deliveries per channel", description = "SUPPORT "
            + "only. Shown or not, withdrawn included. Each delivery has its current status and its history: why it waited, why "
            + "a channel was skipped (and under which preference version), what failed, what the provider reported, who resent it.")
    PageResponse<StaffNotificationView> notifications(@RequestParam UserId userId, @RequestParam(required = false) @Nullable String cursor,
                                                      @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                                      @Nullable Integer limit) {
        StaffNotificationPage page = queryGateway.query(new FindNotificationsForStaff(userId, Cursor.requireValid(cursor),
                PageLimit.validated(limit)), ResponseTypes.instanceOf(StaffNotificationPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
