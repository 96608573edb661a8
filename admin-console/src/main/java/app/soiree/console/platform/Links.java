package app.soiree.console.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

/** Links between console views that carry what to show in the address, so that they can be bookmarked and shared. */
public final class Links {

    private Links() {
    }

    public static RouterLink withQuery(String text, Class<? extends Component> view, String parameter, String value) {
        RouterLink link = new RouterLink(text, view);
        link.setQueryParameters(QueryParameters.of(parameter, value));
        return link;
    }
}
