package fr.secondevie.inventory.glpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The import runs' heartbeat and sweep ({@link ImportRunOwnership}) run on Spring's scheduler. */
@Configuration
@EnableScheduling
class ImportScheduling {}
