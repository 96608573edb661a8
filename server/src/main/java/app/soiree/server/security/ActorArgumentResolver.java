package app.soiree.server.security;

import app.soiree.api.identity.Actor;
import java.lang.reflect.ParameterizedType;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers take the signed-in {@link Actor} as a parameter, or {@code Optional<Actor>} on public endpoints
 * that answer anonymous callers too (empty for them).
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class) || isOptionalActor(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        // The request's principal is what this application's filter chain authenticated; the static
        // SecurityContextHolder is shared by every application in the JVM and may belong to another.
        Optional<Actor> actor = webRequest.getUserPrincipal() instanceof Authentication authentication
                ? Actors.from(authentication) : Optional.empty();
        if (isOptionalActor(parameter)) {
            return actor;
        }
        return actor.orElseThrow(() -> new InsufficientAuthenticationException("Sign in first"));
    }

    private static boolean isOptionalActor(MethodParameter parameter) {
        return parameter.getParameterType().equals(Optional.class)
                && parameter.getGenericParameterType() instanceof ParameterizedType optional
                && optional.getActualTypeArguments()[0].equals(Actor.class);
    }
}
