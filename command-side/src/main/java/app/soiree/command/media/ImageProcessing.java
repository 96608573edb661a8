package app.soiree.command.media;

import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaVariant;
import app.soiree.store.ObjectStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Makes an uploaded image servable: its size read from the header and checked before a pixel is decoded (a small file
 * can declare a billion pixels), its EXIF orientation applied to the pixels, then re-encoded from the pixels alone, so no
 * metadata (GPS, camera, comments) survives, as {@code original}, {@code display} and {@code thumbnail}. Images with
 * transparency stay PNG; the rest become JPEG.
 */
@Component
class ImageProcessing {

    private final ObjectStore store;
    private final MediaProperties properties;

    ImageProcessing(ObjectStore store, MediaProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    MediaFacts process(MediaId mediaId) throws IOException, UnacceptableMedia {
        byte[] upload;
        try (InputStream in = store.open(MediaObjects.upload(mediaId))) {
            upload = in.readAllBytes(); // at most soiree.media.max-image-size: the upload checked it
        }
        BufferedImage image = orient(decode(upload), ExifOrientation.of(upload));
        boolean transparent = image.getColorModel().hasAlpha();
        List<MediaVariant> variants = new ArrayList<>();
        variants.add(store(mediaId, MediaVariant.ORIGINAL, image, transparent));
        variants.add(store(mediaId, MediaVariant.DISPLAY, fit(image, properties.displaySize()), transparent));
        variants.add(store(mediaId, MediaVariant.THUMBNAIL, fit(image, properties.thumbnailSize()), transparent));
        return new MediaFacts(image.getWidth(), image.getHeight(), null, List.of(), variants);
    }

    private BufferedImage decode(byte[] upload) throws IOException, UnacceptableMedia {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnacceptableMedia("The image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels;
                try {
                    pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                } catch (IOException e) {
                    throw new UnacceptableMedia("The image's header cannot be read");
                }
                if (pixels > properties.maxImagePixels()) {
                    throw new UnacceptableMedia("The image has " + pixels / 1_000_000 + " megapixels; at most "
                            + properties.maxImagePixels() / 1_000_000 + " are accepted");
                }
                try {
                    return reader.read(0);
                } catch (IOException | RuntimeException e) {
                    throw new UnacceptableMedia("The image is damaged and cannot be decoded");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** Turns the pixels as EXIF orientation {@code orientation} says the camera meant them. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform turn = new AffineTransform();
        switch (orientation) {
            case 2 -> turn.setTransform(-1, 0, 0, 1, w, 0);     // mirrored
            case 3 -> turn.setTransform(-1, 0, 0, -1, w, h);    // upside down
            case 4 -> turn.setTransform(1, 0, 0, -1, 0, h);     // mirrored upside down
            case 5 -> turn.setTransform(0, 1, 1, 0, 0, 0);      // mirrored, turned left
            case 6 -> turn.setTransform(0, 1, -1, 0, h, 0);     // turned left: turn right
            case 7 -> turn.setTransform(0, -1, -1, 0, h, w);    // mirrored, turned right
            case 8 -> turn.setTransform(0, -1, 1, 0, 0, w);     // turned right: turn left
            default -> throw new IllegalStateException("orientation " + orientation);
        }
        BufferedImage upright = new BufferedImage(swaps ? h : w, swaps ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = upright.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            graphics.drawImage(image, turn, null);
        } finally {
            graphics.dispose();
        }
        return upright;
    }

    /** The image shrunk so that its longer side is at most {@code longestSide}; never enlarged. */
    private static BufferedImage fit(BufferedImage image, int longestSide) throws IOException {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= longestSide) {
            return image;
        }
        return Thumbnails.of(image).size(longestSide, longestSide).keepAspectRatio(true).asBufferedImage();
    }

    private MediaVariant store(MediaId mediaId, String variant, BufferedImage image, boolean transparent) throws IOException {
        byte[] encoded = transparent ? png(image) : jpeg(image);
        String contentType = transparent ? "image/png" : "image/jpeg";
        store.put(MediaObjects.variant(mediaId, variant), new ByteArrayInputStream(encoded), encoded.length, contentType);
        return new MediaVariant(variant, contentType, encoded.length, image.getWidth(), image.getHeight());
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer");
        }
        return out.toByteArray();
    }

    /** JPEG from the pixels alone: the writer adds a JFIF header and nothing else. */
    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = rgb.createGraphics();
            try {
                graphics.drawImage(image, 0, 0, null);
            } finally {
                graphics.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(rgb, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
