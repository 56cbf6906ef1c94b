package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.util.List;

/** Every figure of one year, as the page, the CSV exports and the annual report show them. */
record YearFigures(
    int year,
    ReuseRate reuseRate,
    PurchaseShare purchaseShare,
    AdaptedSector adaptedSector,
    List<AvoidedEmissionLedger.Entry> emissions,
    Volumes volumes,
    List<String> warnings) {

  YearFigures {
    emissions = List.copyOf(emissions);
    warnings = List.copyOf(warnings);
  }

  /** Total kg CO2e avoided (entries without a sourced factor count for nothing). */
  public BigDecimal avoidedKg() {
    return emissions.stream()
        .map(AvoidedEmissionLedger.Entry::kgCo2e)
        .filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** "1 234,5" (French format). */
  public String avoidedKgDisplay() {
    return DataTable.display(avoidedKg());
  }

  public long entriesWithoutFactor() {
    return emissions.stream().filter(e -> e.kgCo2e() == null).count();
  }

  public BigDecimal lifeYearsGained() {
    return emissions.stream()
        .map(AvoidedEmissionLedger.Entry::lifeYearsGained)
        .filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** EA/ESAT: lots completed in the year, with their attestations, and the deduction rule. */
  record AdaptedSector(List<Lot> lots, BigDecimal deductionRate, String deductionSource) {

    AdaptedSector {
      lots = List.copyOf(lots);
    }

    public long units() {
      return lots.stream().mapToLong(Lot::units).sum();
    }

    public BigDecimal weightKg() {
      return lots.stream()
          .map(Lot::weightKg)
          .filter(java.util.Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long invoicedCents() {
      return lots.stream().mapToLong(l -> l.invoiceCents() == null ? 0 : l.invoiceCents()).sum();
    }

    public long labourCostCents() {
      return lots.stream()
          .mapToLong(l -> l.labourCostCents() == null ? 0 : l.labourCostCents())
          .sum();
    }

    /** Labour cost × deduction rate, rounded to the cent. */
    public long deductionCents() {
      return BigDecimal.valueOf(labourCostCents())
          .multiply(deductionRate)
          .setScale(0, java.math.RoundingMode.HALF_UP)
          .longValueExact();
    }
  }

  /** One dismantling lot of an adapted company. */
  record Lot(
      String number,
      String company,
      String companyType,
      String companySiret,
      long units,
      BigDecimal weightKg,
      Long invoiceCents,
      Long labourCostCents,
      String attestationRef,
      String certificateRef,
      String wasteTrackingNumber,
      java.time.LocalDate pickedUpOn) {}

  /** Units and weight by route, category and site; donations; DEEE; supplier maturity. */
  record Volumes(
      List<Count> byRoute,
      List<Count> byCategory,
      List<Count> bySite,
      List<Donations> donations,
      List<Lot> deee,
      List<Count> supplierMaturity) {

    Volumes {
      byRoute = List.copyOf(byRoute);
      byCategory = List.copyOf(byCategory);
      bySite = List.copyOf(bySite);
      donations = List.copyOf(donations);
      deee = List.copyOf(deee);
      supplierMaturity = List.copyOf(supplierMaturity);
    }

    public long units() {
      return byRoute.stream().mapToLong(Count::units).sum();
    }
  }

  /**
   * @param weighed units whose weight is known (the weight sums only those)
   */
  record Count(String key, String label, long units, long weighed, BigDecimal weightKg) {}

  record Donations(String beneficiary, String legalCategory, String article, long units) {}
}
