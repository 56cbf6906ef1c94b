package fr.secondevie.sanitization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SanitizationProperties.class)
class SanitizationConfiguration {}
