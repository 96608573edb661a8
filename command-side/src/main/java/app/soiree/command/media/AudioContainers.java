package app.soiree.command.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Small readers of the three containers voice notes arrive in: MP4 (M4A), Ogg and WebM. Each finds the duration, the
 * compressed size of each slice of time (the waveform), and blanks metadata in place without moving a byte, so offsets
 * inside the file stay valid: MP4 {@code udta}/{@code meta} boxes become {@code free}, Ogg's Opus comments are dropped,
 * WebM's {@code Tags} and {@code Attachments} become {@code Void}. A file these readers cannot make sense of is rejected.
 */
final class AudioContainers {

    /** Points in a waveform. */
    static final int WAVEFORM_POINTS = 64;

    record Reading(long durationMs, List<Integer> waveform) {
    }

    private AudioContainers() {
    }

    // ---------------------------------------------------------------- MP4

    static Reading mp4(byte[] file) throws UnacceptableMedia {
        try {
            ByteBuffer data = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
            blankMp4Metadata(data, 0, file.length);
            int moov = findBox(data, 0, file.length, "moov");
            if (moov < 0) {
                throw new UnacceptableMedia("The M4A file has no movie header");
            }
            int moovEnd = moov + boxSize(data, moov);
            int mvhd = findBox(data, moov + 8, moovEnd, "mvhd");
            if (mvhd < 0) {
                throw new UnacceptableMedia("The M4A file has no movie header");
            }
            int version = data.get(mvhd + 8);
            long timescale = version == 1 ? Integer.toUnsignedLong(data.getInt(mvhd + 28)) : Integer.toUnsignedLong(data.getInt(mvhd + 20));
            long duration = version == 1 ? data.getLong(mvhd + 32) : Integer.toUnsignedLong(data.getInt(mvhd + 24));
            if (timescale == 0) {
                throw new UnacceptableMedia("The M4A file has no time scale");
            }
            return new Reading(duration * 1000 / timescale, waveform(sampleSizes(data, moov, moovEnd)));
        } catch (IndexOutOfBoundsException e) {
            throw new UnacceptableMedia("The M4A file is truncated or damaged");
        }
    }

    private static final Set<String> MP4_CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts");

    private static void blankMp4Metadata(ByteBuffer data, int from, int to) {
        for (int box = from; box + 8 <= to; box += boxSize(data, box)) {
            String type = boxType(data, box);
            if (type.equals("udta") || type.equals("meta")) {
                data.put(box + 4, "free".getBytes(StandardCharsets.US_ASCII));
                Arrays.fill(data.array(), box + 8, box + boxSize(data, box), (byte) 0);
            } else if (MP4_CONTAINERS.contains(type)) {
                blankMp4Metadata(data, box + 8, box + boxSize(data, box));
            }
        }
    }

    /** The sizes of the samples of the first sound track, in playing order (each sample is the same length of time). */
    private static long[] sampleSizes(ByteBuffer data, int moov, int moovEnd) {
        for (int trak = moov + 8; trak + 8 <= moovEnd; trak += boxSize(data, trak)) {
            if (!boxType(data, trak).equals("trak")) {
                continue;
            }
            int stsz = path(data, trak, "mdia", "minf", "stbl", "stsz");
            int hdlr = path(data, trak, "mdia", "hdlr");
            if (stsz < 0 || hdlr < 0 || !boxTypeAt(data, hdlr + 16).equals("soun")) {
                continue;
            }
            int fixedSize = data.getInt(stsz + 12);
            int count = data.getInt(stsz + 16);
            long[] sizes = new long[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = fixedSize != 0 ? fixedSize : Integer.toUnsignedLong(data.getInt(stsz + 20 + 4 * i));
            }
            return sizes;
        }
        return new long[0];
    }

    private static int path(ByteBuffer data, int box, String... types) {
        int current = box;
        for (String type : types) {
            current = findBox(data, current + 8, current + boxSize(data, current), type);
            if (current < 0) {
                return -1;
            }
        }
        return current;
    }

    private static int findBox(ByteBuffer data, int from, int to, String type) {
        for (int box = from; box + 8 <= to; box += boxSize(data, box)) {
            if (boxType(data, box).equals(type)) {
                return box;
            }
        }
        return -1;
    }

    private static int boxSize(ByteBuffer data, int box) {
        long size = Integer.toUnsignedLong(data.getInt(box));
        if (size == 1) {
            size = data.getLong(box + 8);
        } else if (size == 0) {
            size = data.limit() - box;
        }
        if (size < 8 || box + size > data.limit()) {
            throw new IndexOutOfBoundsException("box at " + box);
        }
        return (int) size;
    }

    private static String boxType(ByteBuffer data, int box) {
        return boxTypeAt(data, box + 4);
    }

    private static String boxTypeAt(ByteBuffer data, int at) {
        byte[] type = new byte[4];
        data.get(at, type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- Ogg

    private record OggPage(int start, int headerLength, int length, long granule, List<int[]> packetParts) {
    }

    static Reading ogg(byte[] file) throws UnacceptableMedia {
        try {
            ByteBuffer data = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            List<OggPage> pages = new ArrayList<>();
            List<List<int[]>> packets = new ArrayList<>(); // each packet as (offset, length) parts, across pages
            List<int[]> open = new ArrayList<>();
            for (int page = 0; page < file.length; ) {
                if (page + 27 > file.length || data.getInt(page) != 0x5367674f) { // "OggS"
                    throw new UnacceptableMedia("The Ogg file is damaged");
                }
                int segments = data.get(page + 26) & 0xff;
                int header = 27 + segments;
                int body = page + header;
                List<int[]> parts = new ArrayList<>();
                for (int s = 0; s < segments; s++) {
                    int lace = data.get(page + 27 + s) & 0xff;
                    open.add(new int[] {body, lace});
                    parts.add(new int[] {body, lace});
                    body += lace;
                    if (lace < 255) {
                        packets.add(open);
                        open = new ArrayList<>();
                    }
                }
                pages.add(new OggPage(page, header, body - page, data.getLong(page + 6), parts));
                page = body;
            }
            if (packets.size() < 2 || !startsWith(file, packets.get(0), "OpusHead") || !startsWith(file, packets.get(1), "OpusTags")) {
                throw new UnacceptableMedia("Only Opus voice notes are accepted in Ogg");
            }
            int preSkip = Short.toUnsignedInt(data.getShort(packets.get(0).get(0)[0] + 10));
            dropOpusComments(file, packets.get(1));
            for (OggPage page : pages) {
                writeOggChecksum(data, page);
            }
            long lastGranule = pages.get(pages.size() - 1).granule();
            long durationMs = Math.max(0, lastGranule - preSkip) * 1000 / 48_000;
            // audio pages after the two header pages: their payload, at the time their last sample ends
            List<long[]> slices = new ArrayList<>();
            for (OggPage page : pages.subList(Math.min(2, pages.size()), pages.size())) {
                slices.add(new long[] {Math.max(0, page.granule() - preSkip), page.length() - page.headerLength()});
            }
            return new Reading(durationMs, waveform(slices, Math.max(1, lastGranule - preSkip)));
        } catch (IndexOutOfBoundsException e) {
            throw new UnacceptableMedia("The Ogg file is truncated or damaged");
        }
    }

    private static boolean startsWith(byte[] file, List<int[]> packet, String magic) {
        byte[] bytes = packetBytes(file, packet, magic.length());
        return new String(bytes, StandardCharsets.ISO_8859_1).equals(magic);
    }

    private static byte[] packetBytes(byte[] file, List<int[]> packet, int limit) {
        byte[] out = new byte[limit];
        int filled = 0;
        for (int[] part : packet) {
            int take = Math.min(part[1], limit - filled);
            System.arraycopy(file, part[0], out, filled, take);
            filled += take;
            if (filled == limit) {
                break;
            }
        }
        return filled == limit ? out : Arrays.copyOf(out, filled);
    }

    /**
     * Keeps the vendor string (the encoder's name) and sets the comment count to zero; the comments' bytes become zero
     * padding, which RFC 7845 tells readers to discard. The packet keeps its length, so no page moves.
     */
    private static void dropOpusComments(byte[] file, List<int[]> packet) throws UnacceptableMedia {
        int length = packet.stream().mapToInt(part -> part[1]).sum();
        byte[] tags = packetBytes(file, packet, length);
        ByteBuffer buffer = ByteBuffer.wrap(tags).order(ByteOrder.LITTLE_ENDIAN);
        if (length < 16) {
            throw new UnacceptableMedia("The Opus comment header is damaged");
        }
        long vendorLength = Integer.toUnsignedLong(buffer.getInt(8));
        int count = (int) (12 + vendorLength);
        if (count + 4 > length) {
            throw new UnacceptableMedia("The Opus comment header is damaged");
        }
        buffer.putInt(count, 0);
        Arrays.fill(tags, count + 4, length, (byte) 0);
        int read = 0;
        for (int[] part : packet) {
            System.arraycopy(tags, read, file, part[0], part[1]);
            read += part[1];
        }
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

    private static void writeOggChecksum(ByteBuffer data, OggPage page) {
        data.putInt(page.start() + 22, 0);
        int crc = 0;
        for (int i = page.start(); i < page.start() + page.length(); i++) {
            crc = (crc << 8) ^ OGG_CRC[((crc >>> 24) ^ (data.get(i) & 0xff)) & 0xff];
        }
        data.putInt(page.start() + 22, crc);
    }

    // ---------------------------------------------------------------- WebM

    private static final int EBML = 0x1A45DFA3;
    private static final int DOC_TYPE = 0x4282;
    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int TIMECODE_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;
    private static final int TRACKS = 0x1654AE6B;
    private static final int TRACK_ENTRY = 0xAE;
    private static final int CODEC_ID = 0x86;
    private static final int CLUSTER = 0x1F43B675;
    private static final int CLUSTER_TIMECODE = 0xE7;
    private static final int SIMPLE_BLOCK = 0xA3;
    private static final int BLOCK_GROUP = 0xA0;
    private static final int BLOCK = 0xA1;
    private static final int TAGS = 0x1254C367;
    private static final int ATTACHMENTS = 0x1941A469;
    private static final int VOID = 0xEC;
    /** Elements that end a cluster of unknown size (Chrome's MediaRecorder writes such clusters). */
    private static final Set<Integer> SEGMENT_CHILDREN = Set.of(CLUSTER, INFO, TRACKS, TAGS, ATTACHMENTS, 0x1C53BB6B, 0x114D9B74,
            0x1043A770);

    private record Element(int id, int start, int idLength, int sizeLength, long size) {

        int payload() {
            return start + idLength + sizeLength;
        }

        boolean unknownSize() {
            return size < 0;
        }

        int end(int limit) {
            return unknownSize() ? limit : (int) Math.min(limit, payload() + size);
        }
    }

    static Reading webm(byte[] file) throws UnacceptableMedia {
        try {
            ByteBuffer data = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
            Element header = element(data, 0);
            if (header.id() != EBML) {
                throw new UnacceptableMedia("The WebM file is damaged");
            }
            boolean webm = children(data, header, file.length).stream().anyMatch(field -> field.id() == DOC_TYPE
                    && new String(file, field.payload(), (int) field.size(), StandardCharsets.US_ASCII).equals("webm"));
            if (!webm) {
                throw new UnacceptableMedia("Only WebM is accepted of the Matroska family");
            }
            Element segment = element(data, header.end(file.length));
            if (segment.id() != SEGMENT) {
                throw new UnacceptableMedia("The WebM file has no segment");
            }
            long timecodeScale = 1_000_000;
            double declaredDuration = -1;
            boolean opus = false;
            List<long[]> blocks = new ArrayList<>(); // (time in timecode units, bytes)
            int end = segment.end(file.length);
            for (int at = segment.payload(); at < end; ) {
                Element child = element(data, at);
                switch (child.id()) {
                    case INFO -> {
                        for (Element field : children(data, child, end)) {
                            if (field.id() == TIMECODE_SCALE) {
                                timecodeScale = unsigned(data, field);
                            } else if (field.id() == DURATION) {
                                declaredDuration = field.size() == 4 ? data.getFloat(field.payload()) : data.getDouble(field.payload());
                            }
                        }
                    }
                    case TRACKS -> {
                        for (Element track : children(data, child, end)) {
                            if (track.id() == TRACK_ENTRY) {
                                for (Element field : children(data, track, end)) {
                                    if (field.id() == CODEC_ID) {
                                        opus |= new String(file, field.payload(), (int) field.size(), StandardCharsets.US_ASCII)
                                                .startsWith("A_OPUS");
                                    }
                                }
                            }
                        }
                    }
                    case TAGS, ATTACHMENTS -> blankAsVoid(data, child);
                    case CLUSTER -> {
                        int clusterEnd = clusterEnd(data, child, end);
                        readCluster(data, child, clusterEnd, blocks);
                        at = clusterEnd;
                        continue;
                    }
                    default -> {
                        // SeekHead, Cues, Chapters, Void: nothing a voice note needs
                    }
                }
                at = child.end(end);
            }
            if (!opus) {
                throw new UnacceptableMedia("Only Opus voice notes are accepted in WebM");
            }
            long lastTime = blocks.stream().mapToLong(block -> block[0]).max().orElse(0);
            long durationMs = declaredDuration > 0 ? Math.round(declaredDuration * timecodeScale / 1_000_000.0)
                    : lastTime * timecodeScale / 1_000_000 + 20; // the last block's start, plus one 20 ms Opus frame
            return new Reading(durationMs, waveform(blocks, Math.max(1, lastTime)));
        } catch (IndexOutOfBoundsException e) {
            throw new UnacceptableMedia("The WebM file is truncated or damaged");
        }
    }

    private static int clusterEnd(ByteBuffer data, Element cluster, int limit) {
        if (!cluster.unknownSize()) {
            return cluster.end(limit);
        }
        int at = cluster.payload();
        while (at < limit) {
            Element child = element(data, at);
            if (SEGMENT_CHILDREN.contains(child.id())) {
                return at;
            }
            at = child.end(limit);
        }
        return limit;
    }

    private static void readCluster(ByteBuffer data, Element cluster, int clusterEnd, List<long[]> blocks) {
        long clusterTime = 0;
        for (int at = cluster.payload(); at < clusterEnd; ) {
            Element child = element(data, at);
            if (child.id() == CLUSTER_TIMECODE) {
                clusterTime = unsigned(data, child);
            } else if (child.id() == SIMPLE_BLOCK) {
                blocks.add(block(data, child, clusterTime));
            } else if (child.id() == BLOCK_GROUP) {
                for (Element inner : children(data, child, clusterEnd)) {
                    if (inner.id() == BLOCK) {
                        blocks.add(block(data, inner, clusterTime));
                    }
                }
            }
            at = child.end(clusterEnd);
        }
    }

    /** A block's start in timecode units and its size: after the track number comes a signed 16-bit relative time. */
    private static long[] block(ByteBuffer data, Element block, long clusterTime) {
        int trackLength = Integer.numberOfLeadingZeros(data.get(block.payload()) & 0xff) - 23;
        short relative = data.getShort(block.payload() + trackLength);
        return new long[] {Math.max(0, clusterTime + relative), block.size()};
    }

    private static List<Element> children(ByteBuffer data, Element parent, int limit) {
        List<Element> children = new ArrayList<>();
        int end = parent.end(limit);
        for (int at = parent.payload(); at < end; ) {
            Element child = element(data, at);
            children.add(child);
            at = child.end(end);
        }
        return children;
    }

    /** Overwrites the element with a Void element of exactly the same length, and zeroes what it held. */
    private static void blankAsVoid(ByteBuffer data, Element element) {
        if (element.unknownSize()) {
            return;
        }
        int headerLength = element.idLength() + element.sizeLength();
        int total = headerLength + (int) element.size();
        int sizeLength = Math.min(8, headerLength - 1);
        long voidSize = total - 1 - sizeLength;
        data.put(element.start(), (byte) VOID);
        for (int i = 0; i < sizeLength; i++) {
            data.put(element.start() + 1 + i, (byte) (voidSize >>> (8 * (sizeLength - 1 - i))));
        }
        data.put(element.start() + 1, (byte) (data.get(element.start() + 1) | (0x80 >>> (sizeLength - 1))));
        Arrays.fill(data.array(), element.start() + 1 + sizeLength, element.start() + total, (byte) 0);
    }

    private static Element element(ByteBuffer data, int at) {
        int first = data.get(at) & 0xff;
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (idLength < 1 || idLength > 4) {
            throw new IndexOutOfBoundsException("EBML id at " + at);
        }
        int id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (data.get(at + i) & 0xff);
        }
        int sizeAt = at + idLength;
        int sizeFirst = data.get(sizeAt) & 0xff;
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        if (sizeLength < 1 || sizeLength > 8) {
            throw new IndexOutOfBoundsException("EBML size at " + sizeAt);
        }
        long size = sizeFirst & (0xff >>> sizeLength);
        boolean allOnes = size == (0xff >>> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int next = data.get(sizeAt + i) & 0xff;
            allOnes &= next == 0xff;
            size = (size << 8) | next;
        }
        return new Element(id, at, idLength, sizeLength, allOnes ? -1 : size);
    }

    private static long unsigned(ByteBuffer data, Element element) {
        long value = 0;
        for (int i = 0; i < element.size(); i++) {
            value = (value << 8) | (data.get(element.payload() + i) & 0xff);
        }
        return value;
    }

    // ---------------------------------------------------------------- waveform

    /** Samples of equal duration, in order. */
    private static List<Integer> waveform(long[] sampleSizes) {
        List<long[]> slices = new ArrayList<>();
        for (int i = 0; i < sampleSizes.length; i++) {
            slices.add(new long[] {i, sampleSizes[i]});
        }
        return waveform(slices, Math.max(1, sampleSizes.length - 1));
    }

    /** Bytes at points in time, summed into {@link #WAVEFORM_POINTS} equal slices and scaled to 0–100. */
    private static List<Integer> waveform(List<long[]> timedBytes, long lastTime) {
        if (timedBytes.isEmpty()) {
            return List.of();
        }
        long[] sums = new long[WAVEFORM_POINTS];
        for (long[] bytes : timedBytes) {
            int slot = (int) Math.min(WAVEFORM_POINTS - 1, bytes[0] * WAVEFORM_POINTS / (lastTime + 1));
            sums[slot] += bytes[1];
        }
        long peak = Math.max(1, Arrays.stream(sums).max().orElse(1));
        List<Integer> points = new ArrayList<>(WAVEFORM_POINTS);
        for (long sum : sums) {
            points.add((int) (sum * 100 / peak));
        }
        return points;
    }
}
