package app.soiree.api.chat;

public enum ReportReason {
    SPAM, HARASSMENT, OTHER
}
