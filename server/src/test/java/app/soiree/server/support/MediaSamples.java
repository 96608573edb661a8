package app.soiree.server.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Real files for media tests, made here byte by byte so that each carries exactly what a test looks for: a phone photo's
 * EXIF orientation and GPS position, a recorder's location tag, a header that promises more pixels than any server
 * should decode.
 */
public final class MediaSamples {

    /** Where the photo and the recordings say they were made. */
    public static final String LOCATION = "+52.3731+004.8922/";

    private MediaSamples() {
    }

    /**
     * A 40 × 20 JPEG, red on the left and blue on the right, stored sideways with EXIF orientation 6 ("turn right to
     * view"), and an EXIF GPS block naming {@link #LOCATION}. Upright it is 20 × 40, red on top.
     */
    public static byte[] sidewaysPhotoWithGps() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 20, 20);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(20, 0, 20, 20);
        graphics.dispose();
        byte[] jpeg = encode(image, "jpeg");
        byte[] location = (LOCATION + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF, little-endian: IFD0 (orientation, GPS pointer), then the GPS IFD with one ASCII entry, then its text.
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + location.length).order(ByteOrder.LITTLE_ENDIAN);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        int text = gpsIfd + 2 + 12 + 4;
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0002).putShort((short) 2).putInt(location.length).putInt(text);
        tiff.putInt(0);
        tiff.put(location);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xff);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A 30 × 10 PNG with a transparent half. */
    public static byte[] transparentPng() {
        BufferedImage image = new BufferedImage(30, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.GREEN);
        graphics.fillRect(0, 0, 15, 10);
        graphics.dispose();
        return encode(image, "png");
    }

    /** An opaque PNG of the given size. */
    public static byte[] png(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    /** A 1 × 1 lossless WebP (the one browsers' feature tests use). */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** A PNG whose header declares 100,000 × 100,000 pixels (10 gigapixels) in a few dozen bytes. */
    public static byte[] decompressionBomb() {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, pngChunk("IHDR", header.array()),
                pngChunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}), pngChunk("IEND", new byte[0]));
    }

    /**
     * An M4A (AAC in MP4) of {@code durationMs}, as a phone records it: {@code ftyp M4A}, a movie header, one sound track
     * of 40 samples, a user-data box with {@link #LOCATION}, then the media data.
     */
    public static byte[] m4a(long durationMs) {
        byte[] ftyp = box("ftyp", concat(ascii("M4A "), int32(0), ascii("M4A "), ascii("mp42"), ascii("isom")));
        byte[] mvhd = box("mvhd", concat(new byte[4], int32(0), int32(0), int32(1000), int32((int) durationMs), new byte[80]));
        byte[] hdlr = box("hdlr", concat(new byte[4], int32(0), ascii("soun"), new byte[12], ascii("Sound\0")));
        ByteBuffer sizes = ByteBuffer.allocate(12 + 40 * 4).putInt(0).putInt(0).putInt(40);
        for (int i = 0; i < 40; i++) {
            sizes.putInt(100 + (i % 10) * 30);
        }
        byte[] stsz = box("stsz", sizes.array());
        byte[] trak = box("trak", box("mdia", concat(hdlr, box("minf", box("stbl", stsz)))));
        byte[] udta = box("udta", box("\u00a9xyz", concat(int32(LOCATION.length() << 16), ascii(LOCATION))));
        byte[] moov = box("moov", concat(mvhd, trak, udta));
        return concat(ftyp, moov, box("mdat", new byte[6000]));
    }

    /**
     * An Ogg Opus recording of {@code durationMs} (48 kHz granules after a 312-sample pre-skip) whose comment header
     * carries {@code LOCATION=}{@link #LOCATION}. The audio packets are filler: nothing here decodes them.
     */
    public static byte[] oggOpus(long durationMs) {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN).put(ascii("OpusHead")).put((byte) 1).put((byte) 1)
                .putShort((short) 312).putInt(48_000).putShort((short) 0).put((byte) 0);
        byte[] vendor = ascii("soiree-test");
        byte[] comment = ascii("LOCATION=" + LOCATION);
        ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4 + 4 + comment.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("OpusTags")).putInt(vendor.length).put(vendor).putInt(1).putInt(comment.length).put(comment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sequence = 0;
        out.writeBytes(oggPage(0x02, 0, sequence++, head.array()));
        out.writeBytes(oggPage(0x00, 0, sequence++, tags.array()));
        long samples = durationMs * 48;
        int pages = 10;
        for (int page = 1; page <= pages; page++) {
            long granule = 312 + samples * page / pages;
            out.writeBytes(oggPage(page == pages ? 0x04 : 0x00, granule, sequence++, new byte[60 + page * 7]));
        }
        return out.toByteArray();
    }

    /**
     * A WebM Opus recording as Chrome's MediaRecorder writes it: segment and clusters of unknown size and no duration in
     * its header, so the duration must come from the last block (at {@code durationMs} - 20 ms, one 20 ms frame before
     * the end), and a {@code Tags} element naming {@link #LOCATION}.
     */
    public static byte[] webmOpus(long durationMs) {
        byte[] header = ebml(0x1A45DFA3, ebml(0x4282, ascii("webm")));
        byte[] info = ebml(0x1549A966, ebml(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40}));
        byte[] tracks = ebml(0x1654AE6B, ebml(0xAE, concat(ebml(0xD7, new byte[] {1}), ebml(0x86, ascii("A_OPUS")))));
        byte[] tags = ebml(0x1254C367, ebml(0x7373, ebml(0x67C8, concat(ebml(0x45A3, ascii("LOCATION")), ebml(0x4487, ascii(LOCATION))))));
        ByteArrayOutputStream clusters = new ByteArrayOutputStream();
        long lastBlock = durationMs - 20;
        for (long clusterTime = 0; clusterTime <= lastBlock; clusterTime += 1000) {
            ByteArrayOutputStream blocks = new ByteArrayOutputStream();
            blocks.writeBytes(ebml(0xE7, int32((int) clusterTime)));
            for (long time = clusterTime; time < clusterTime + 1000 && time <= lastBlock; time += 20) {
                short relative = (short) (time - clusterTime);
                blocks.writeBytes(ebml(0xA3, concat(new byte[] {(byte) 0x81, (byte) (relative >> 8), (byte) relative, (byte) 0x80},
                        new byte[40 + (int) (time % 200) / 10])));
            }
            clusters.writeBytes(concat(id(0x1F43B675), UNKNOWN_SIZE, blocks.toByteArray()));
        }
        return concat(header, id(0x18538067), UNKNOWN_SIZE, info, tracks, tags, clusters.toByteArray());
    }

    private static final byte[] UNKNOWN_SIZE = {0x01, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    /** An element with its size in as few bytes as a muxer writes (one up to 126, else eight). */
    private static byte[] ebml(int id, byte[] payload) {
        if (payload.length < 127) {
            return concat(id(id), new byte[] {(byte) (0x80 | payload.length)}, payload);
        }
        byte[] vint = ByteBuffer.allocate(8).putLong(payload.length).array();
        vint[0] = 0x01; // an 8-byte size: the 0x01 marker, then 7 bytes of length
        return concat(id(id), vint, payload);
    }

    private static byte[] id(int id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (id >>> (8 * (length - 1 - i)));
        }
        return bytes;
    }

    /** A text file, whatever it is called. */
    public static byte[] text() {
        return "Not an image at all, just words.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oggPage(int flags, long granule, int sequence, byte[] packet) {
        int segments = packet.length / 255 + 1;
        ByteBuffer page = ByteBuffer.allocate(27 + segments + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put(ascii("OggS")).put((byte) 0).put((byte) flags).putLong(granule).putInt(0x50_1e_e5).putInt(sequence).putInt(0)
                .put((byte) segments);
        for (int i = 0; i < segments - 1; i++) {
            page.put((byte) 255);
        }
        page.put((byte) (packet.length % 255));
        page.put(packet);
        byte[] bytes = page.array();
        int crc = 0;
        for (byte b : bytes) {
            crc = (crc << 8) ^ OGG_CRC[((crc >>> 24) ^ (b & 0xff)) & 0xff];
        }
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
        return bytes;
    }

    private static final int[] OGG_CRC = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
            }
            OGG_CRC[i] = crc;
        }
    }

    private static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return concat(int32(data.length), ascii(type), data, int32((int) crc.getValue()));
    }

    private static byte[] box(String type, byte[] payload) {
        return concat(int32(8 + payload.length), type.getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
