package fr.secondevie.security;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** The OpenID Connect providers the login page offers (none in the embedded mode's default). */
@NamedInterface("api")
public interface LoginProviders {

  /** One provider: its registration id, its name, and whether it answers yet. */
  record Provider(String registrationId, String clientName, boolean answering) {}

  List<Provider> all();
}
