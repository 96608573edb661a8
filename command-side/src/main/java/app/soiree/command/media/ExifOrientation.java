package app.soiree.command.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The EXIF orientation of a JPEG (1 to 8; 1 when it has none), read from its APP1 segment: the tag phones set instead
 * of turning the pixels. Re-encoding drops every metadata segment, so the turn must be applied to the pixels first.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return 1;
        }
        int position = 2;
        while (position + 4 <= jpeg.length && (jpeg[position] & 0xff) == 0xff) {
            int marker = jpeg[position + 1] & 0xff;
            int length = ((jpeg[position + 2] & 0xff) << 8) | (jpeg[position + 3] & 0xff);
            if (marker == 0xda || length < 2) {
                return 1; // the image data starts: no EXIF before it
            }
            int payload = position + 4;
            if (marker == 0xe1 && length >= 8 && payload + length - 2 <= jpeg.length
                    && new String(jpeg, payload, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return fromTiff(ByteBuffer.wrap(jpeg, payload + 6, length - 8).slice());
            }
            position += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(ByteBuffer tiff) {
        try {
            tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = tiff.getInt(4);
            int entries = tiff.getShort(ifd) & 0xffff;
            for (int i = 0; i < entries; i++) {
                int entry = ifd + 2 + i * 12;
                if ((tiff.getShort(entry) & 0xffff) == ORIENTATION_TAG) {
                    int value = tiff.getShort(entry + 8) & 0xffff;
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            // a truncated EXIF block: treat the image as upright
        }
        return 1;
    }
}
