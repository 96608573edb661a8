package app.soiree.command.provider;

/** The providers money moves through; {@link #code()} is how events, ids and settings spell them. */
public enum ProviderName {
    /** The embedded default: no money moves, outcomes come from development endpoints. */
    SIMULATED("simulated"),
    STRIPE("stripe");

    private final String code;

    ProviderName(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ProviderName ofCode(String code) {
        for (ProviderName name : values()) {
            if (name.code.equals(code)) {
                return name;
            }
        }
        throw new IllegalStateException("soiree.payments.provider must be simulated or stripe, not " + code);
    }
}
