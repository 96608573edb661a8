package app.soiree.console.layout;

/**
 * The groups of the navigation, by the kind of work. Each view names its section with
 * {@link InSection}; the menu shows a section only with the views its user may open. Disputes and
 * moderation join {@link #SUPPORT}, payouts join {@link #FINANCE}.
 */
public enum MenuSection {
    SUPPORT("Support"),
    FINANCE("Finance"),
    ADMINISTRATION("Administration");

    private final String title;

    MenuSection(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
