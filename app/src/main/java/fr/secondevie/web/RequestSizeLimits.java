package fr.secondevie.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Body size limits of every endpoint of the application (docs/security-inputs.md). The filter runs
 * first, before security: an oversized body is refused without being read.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimits {

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      @Value("${secondevie.web.max-body-size:1MB}") DataSize body,
      @Value("${secondevie.web.max-wipe-report-body-size:5MB}") DataSize wipeReport,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize multipart) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(body.toBytes(), wipeReport.toBytes(), multipart.toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
