package app.soiree.command.media;

/** The file is not one the platform can serve: processing rejects it with this reason, shown to its uploader. */
class UnacceptableMedia extends Exception {

    UnacceptableMedia(String reason) {
        super(reason);
    }
}
