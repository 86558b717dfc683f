package org.clipfile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds a controller method's {@link SearchArguments} from the request's parameters. {@code collection=} is
 * resolved beforehand, as the caller may see it, by an interceptor of the collections feature, which leaves the
 * article ids in {@link SearchQueryStrings#COLLECTION_IDS}; on an endpoint it does not cover, the parameter is a 400.
 */
@Component
class SearchArgumentsResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SearchArguments.class;
    }

    @Override
    public SearchArguments resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binders) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return SearchArguments.bind(request::getParameterValues,
                parameter.hasParameterAnnotation(SearchArguments.PagedHits.class), collection -> {
                    if (request.getAttribute(SearchQueryStrings.COLLECTION_IDS) instanceof List<?> ids) {
                        return ids.stream().map(String::valueOf).toList();
                    }
                    throw new BadRequestException("collection cannot be used on this endpoint");
                }, request.getQueryString());
    }
}
