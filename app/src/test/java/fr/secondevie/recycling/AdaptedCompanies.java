package fr.secondevie.recycling;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Adapted companies for the tests of other packages (process tests), through the registry. */
public final class AdaptedCompanies {

  private AdaptedCompanies() {}

  /** No lot and no company. */
  public static void clean(JdbcTemplate jdbc) {
    RecyclingFixtures.clean(jdbc);
  }

  /** The default adapted company under contract, whose lots close at {@code lotSize} assets. */
  public static void underContract(ApplicationContext context, String name, int lotSize) {
    context
        .getBean(AdaptedCompanyRegistry.class)
        .create(RecyclingFixtures.company(name, lotSize, true));
  }
}
