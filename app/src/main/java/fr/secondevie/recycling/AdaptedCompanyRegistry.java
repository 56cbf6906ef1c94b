package fr.secondevie.recycling;

import fr.secondevie.common.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of adapted companies and the read side of their lots (pages and API). A company made
 * the default replaces the former default.
 */
@Service
@Transactional
class AdaptedCompanyRegistry {

  private final AdaptedCompanyRepository companies;
  private final DismantlingLotRepository lots;
  private final Clock clock;

  AdaptedCompanyRegistry(
      AdaptedCompanyRepository companies, DismantlingLotRepository lots, Clock clock) {
    this.companies = companies;
    this.lots = lots;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<AdaptedCompany> companies() {
    return companies.findAllByName();
  }

  @Transactional(readOnly = true)
  public Optional<AdaptedCompany> find(long id) {
    return companies.findById(id);
  }

  @Transactional(readOnly = true)
  public List<DismantlingLot> lots() {
    return lots.findAllNewestFirst();
  }

  @Transactional(readOnly = true)
  public List<DismantlingLot> lotsOf(AdaptedCompany company) {
    return lots.findByCompany(company.id());
  }

  @Transactional(readOnly = true)
  public Optional<DismantlingLot> lot(long id) {
    return lots.findById(id);
  }

  /**
   * @throws InvalidInputException nothing is written
   */
  public AdaptedCompany create(CompanyForm form) {
    CompanyForm.Valid valid = check(form, null);
    Instant now = clock.instant();
    if (valid.defaultCompany()) {
      clearDefault(now);
    }
    return companies.save(AdaptedCompany.create(valid, now));
  }

  /**
   * @throws InvalidInputException nothing is written
   */
  public AdaptedCompany update(long id, CompanyForm form) {
    AdaptedCompany company =
        companies
            .findById(id)
            .orElseThrow(
                () -> InvalidInputException.of("id", "Aucune entreprise adaptée n° " + id + "."));
    CompanyForm.Valid valid = check(form, id);
    Instant now = clock.instant();
    if (valid.defaultCompany()) {
      clearDefault(now);
      company = companies.findById(id).orElseThrow();
    }
    company.update(valid, now);
    return companies.save(company);
  }

  private void clearDefault(Instant now) {
    companies.findAll().stream()
        .filter(AdaptedCompany::defaultCompany)
        .forEach(
            c -> {
              c.notDefault(now);
              companies.save(c);
            });
  }

  private CompanyForm.Valid check(CompanyForm form, Long id) {
    Map<String, String> errors = new LinkedHashMap<>();
    CompanyForm.Valid valid = null;
    try {
      valid = form.validate();
    } catch (InvalidInputException e) {
      errors.putAll(e.errors());
    }
    if (valid != null) {
      companies
          .findBySiret(valid.siret())
          .filter(other -> !other.id().equals(id))
          .ifPresent(
              other -> errors.put("siret", "Ce SIRET est déjà celui de « " + other.name() + " »."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return valid;
  }
}
