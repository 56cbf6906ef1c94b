package fr.secondevie.donation;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.documents.UploadPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of beneficiaries and of their requests (pages and API). Every command checks all its
 * input first and writes in one transaction, so refused input changes nothing.
 */
@Service
@Transactional
class BeneficiaryRegistry {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Proof of the legal category: statutes, decree of public utility, ESUS approval… */
  static final UploadPolicy PROOF_POLICY = UploadPolicy.EVIDENCE;

  private final BeneficiaryRepository beneficiaries;
  private final DonationRequestRepository requests;
  private final DonationRepository donations;
  private final DocumentService documents;
  private final Clock clock;

  BeneficiaryRegistry(
      BeneficiaryRepository beneficiaries,
      DonationRequestRepository requests,
      DonationRepository donations,
      DocumentService documents,
      Clock clock) {
    this.beneficiaries = beneficiaries;
    this.requests = requests;
    this.donations = donations;
    this.documents = documents;
    this.clock = clock;
  }

  /** An uploaded file (may be absent: empty name and content). */
  record Upload(String filename, byte[] content) {

    boolean present() {
      return content != null && content.length > 0;
    }
  }

  /** A beneficiary with its counts, for the registry's list. */
  record BeneficiaryRow(Beneficiary beneficiary, int openRequests, int donated) {}

  /** A request with its beneficiary and counts. */
  record RequestRow(DonationRequest request, Beneficiary beneficiary, int allocated, int received) {

    public int remaining() {
      return Math.max(0, request.quantity() - allocated - received);
    }
  }

  @Transactional(readOnly = true)
  public List<BeneficiaryRow> beneficiaries() {
    Map<Long, Integer> open = new HashMap<>();
    requests.findOpenOldestFirst().forEach(r -> open.merge(r.beneficiaryId(), 1, Integer::sum));
    Map<Long, Integer> donated = new HashMap<>();
    donations.findAll().stream()
        .filter(d -> d.status() == DonationStatus.HANDED_OVER)
        .forEach(d -> donated.merge(d.beneficiaryId(), 1, Integer::sum));
    return beneficiaries.findAllByName().stream()
        .map(
            b ->
                new BeneficiaryRow(
                    b, open.getOrDefault(b.id(), 0), donated.getOrDefault(b.id(), 0)))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<Beneficiary> find(long id) {
    return beneficiaries.findById(id);
  }

  @Transactional(readOnly = true)
  public List<RequestRow> requests() {
    Map<Long, Beneficiary> byId = new HashMap<>();
    beneficiaries.findAll().forEach(b -> byId.put(b.id(), b));
    return requests.findAllOpenFirst().stream()
        .map(r -> row(r, byId.get(r.beneficiaryId())))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<RequestRow> requestsOf(Beneficiary beneficiary) {
    return requests.findByBeneficiary(beneficiary.id()).stream()
        .map(r -> row(r, beneficiary))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Donation> donationsOf(Beneficiary beneficiary) {
    return donations.findByBeneficiary(beneficiary.id());
  }

  @Transactional(readOnly = true)
  public Optional<RequestRow> request(long requestId) {
    return requests
        .findById(requestId)
        .map(r -> row(r, beneficiaries.findById(r.beneficiaryId()).orElseThrow()));
  }

  RequestRow row(DonationRequest r, Beneficiary b) {
    return new RequestRow(
        r,
        b,
        donations.countByRequestAndStatus(r.id(), DonationStatus.AGREED.name()),
        donations.countByRequestAndStatus(r.id(), DonationStatus.HANDED_OVER.name()));
  }

  /**
   * Registers a beneficiary, with the document proving its legal category when given.
   *
   * @throws InvalidInputException nothing is written
   */
  public Beneficiary create(BeneficiaryForm form, Upload proof, String actor) {
    BeneficiaryForm.Valid valid = check(form, proof, null);
    Beneficiary saved = beneficiaries.save(Beneficiary.create(valid, clock.instant()));
    return attach(saved, proof, actor);
  }

  /**
   * Updates a beneficiary; a new proof replaces the former one (which stays stored).
   *
   * @throws InvalidInputException nothing is written
   */
  public Beneficiary update(long id, BeneficiaryForm form, Upload proof, String actor) {
    Beneficiary beneficiary =
        beneficiaries
            .findById(id)
            .orElseThrow(() -> InvalidInputException.of("id", "Aucun bénéficiaire n° " + id + "."));
    BeneficiaryForm.Valid valid = check(form, proof, id);
    beneficiary.update(valid, clock.instant());
    return attach(beneficiaries.save(beneficiary), proof, actor);
  }

  private BeneficiaryForm.Valid check(BeneficiaryForm form, Upload proof, Long id) {
    Map<String, String> errors = new LinkedHashMap<>();
    BeneficiaryForm.Valid valid = null;
    try {
      valid = form.validate(LocalDate.now(clock.withZone(PARIS)));
    } catch (InvalidInputException e) {
      errors.putAll(e.errors());
    }
    if (proof != null && proof.present()) {
      try {
        PROOF_POLICY.check("proof", proof.filename(), proof.content());
      } catch (InvalidInputException e) {
        errors.putAll(e.errors());
      }
    }
    if (valid != null) {
      if (valid.siret() != null) {
        beneficiaries
            .findBySiret(valid.siret())
            .filter(other -> !other.id().equals(id))
            .ifPresent(
                other ->
                    errors.put("siret", "Ce SIRET est déjà celui de « " + other.name() + " »."));
      }
      if (valid.rna() != null) {
        beneficiaries
            .findByRna(valid.rna())
            .filter(other -> !other.id().equals(id))
            .ifPresent(
                other ->
                    errors.put("rna", "Ce numéro RNA est déjà celui de « " + other.name() + " »."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return valid;
  }

  private Beneficiary attach(Beneficiary beneficiary, Upload proof, String actor) {
    if (proof == null || !proof.present()) {
      return beneficiary;
    }
    StoredDocument stored =
        documents.storeUpload(
            PROOF_POLICY,
            DocumentKind.OTHER,
            proof.filename(),
            proof.content(),
            "donation-beneficiary:" + beneficiary.id(),
            actor);
    beneficiary.attachProof(stored.publicId(), clock.instant());
    return beneficiaries.save(beneficiary);
  }

  /**
   * Opens a request for an eligible beneficiary.
   *
   * @throws InvalidInputException nothing is written
   */
  public DonationRequest openRequest(long beneficiaryId, RequestForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Beneficiary beneficiary = beneficiaries.findById(beneficiaryId).orElse(null);
    if (beneficiary == null) {
      errors.put("beneficiaryId", "Aucun bénéficiaire n° " + beneficiaryId + ".");
    } else if (!beneficiary.eligible()) {
      errors.put(
          "beneficiaryId",
          "« "
              + beneficiary.name()
              + " » ne peut pas recevoir de matériel informatique : "
              + beneficiary.ineligibilityReason()
              + ".");
    }
    RequestForm.Valid valid = null;
    try {
      valid = form.validate();
    } catch (InvalidInputException e) {
      errors.putAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return requests.save(
        DonationRequest.open(
            beneficiaryId, valid.categories(), valid.quantity(), valid.notes(), clock.instant()));
  }

  /**
   * Closes an open request (the beneficiary no longer needs anything); assets already allocated to
   * it keep their agreement.
   */
  public DonationRequest closeRequest(long requestId, String reason) {
    DonationRequest request =
        requests
            .findById(requestId)
            .orElseThrow(
                () ->
                    InvalidInputException.of("requestId", "Aucune demande n° " + requestId + "."));
    String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
    if (cleanReason != null && cleanReason.length() > 500) {
      throw InvalidInputException.of("reason", "Le motif dépasse 500 caractères.");
    }
    request.close(cleanReason == null ? "Close par le gestionnaire" : cleanReason, clock.instant());
    return requests.save(request);
  }
}
