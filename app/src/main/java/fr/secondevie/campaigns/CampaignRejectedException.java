package fr.secondevie.campaigns;

import java.util.Map;

/** A campaign cannot be created as asked; nothing was written. Messages by form field. */
class CampaignRejectedException extends RuntimeException {

  private final Map<String, String> errors;

  public CampaignRejectedException(Map<String, String> errors) {
    super(String.join(" ", errors.values()));
    this.errors = Map.copyOf(errors);
  }

  public Map<String, String> errors() {
    return errors;
  }
}
