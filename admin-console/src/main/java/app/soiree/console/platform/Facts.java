package app.soiree.console.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.DescriptionList;

/** A list of facts about one object (a dispute, a report), each a muted term and its value, as the detail views show them. */
public abstract class Facts extends DescriptionList {

    /** Replaces the facts with a note that nothing has this id. */
    protected void notFound(String what) {
        removeAll();
        add(new Term("Not found"), new Description("No " + what + " has this id."));
    }

    protected void fact(String term, String value) {
        fact(term, new Text(value));
    }

    protected void fact(String term, Component value) {
        Term name = new Term(term);
        name.addClassName("muted");
        Description description = new Description(value);
        description.getStyle().set("margin", "0");
        add(name, description);
    }
}
