package app.soiree.query.web;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

/** Writes a {@link RenderedJson}'s bytes as JSON, with their length, for whoever Jackson's converter would. Never reads. */
final class RenderedJsonConverter extends AbstractHttpMessageConverter<RenderedJson<?>> {

    RenderedJsonConverter() {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return RenderedJson.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    protected RenderedJson<?> readInternal(Class<? extends RenderedJson<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A rendered answer is written, never read", input);
    }

    @Override
    protected Long getContentLength(RenderedJson<?> answer, @Nullable MediaType contentType) {
        return (long) answer.length();
    }

    @Override
    protected void writeInternal(RenderedJson<?> answer, HttpOutputMessage output) throws IOException, HttpMessageNotWritableException {
        output.getBody().write(answer.utf8());
    }
}
