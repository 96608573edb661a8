package app.soiree.query.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link RenderedJsonConverter} ahead of Jackson's, and describes a rendered answer as what it renders. */
@Configuration(proxyBeanMethods = false)
class RenderedJsonConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(RenderedJson.class);
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new RenderedJsonConverter());
    }
}
