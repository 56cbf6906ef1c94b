package fr.secondevie.donation;

import org.springframework.modulith.NamedInterface;

/**
 * Who a beneficiary is in the terms of CGPPP article L3212-2, which decides whether the hospital
 * may give it IT equipment for free.
 *
 * <p>Only the organisations listed by L3212-2 3° (IT equipment no longer used, unit value at most
 * the 300 € of D.3212-3) may receive the equipment of this process. Public-utility associations and
 * general-interest associations that equip people in precarity may resell to those people at a
 * solidarity price capped by decree ({@link SolidarityPrices}); every other beneficiary commits not
 * to resell at all. Other organisations may be kept in the registry (history, other kinds of gifts)
 * but never receive a proposal.
 */
@NamedInterface("api")
public enum LegalCategory {
  PARENTS_ASSOCIATION("Association de parents d'élèves", "L3212-2 3°", true, false),
  SCHOOL_SUPPORT_ASSOCIATION("Association de soutien scolaire", "L3212-2 3°", true, false),
  PUBLIC_UTILITY_ASSOCIATION("Association reconnue d'utilité publique", "L3212-2 3°", true, true),
  GENERAL_INTEREST_PRECARITY(
      "Association d'intérêt général dont l'objet statutaire est d'équiper, de former ou"
          + " d'accompagner des personnes en situation de précarité",
      "L3212-2 3°",
      true,
      true),
  ESUS_REUSE_ORGANISATION(
      "Entreprise solidaire d'utilité sociale (ESUS) agréée, de réemploi",
      "L3212-2 3°",
      true,
      false),
  STUDENT_ASSOCIATION("Association d'étudiants", "L3212-2 3°", true, false),
  ASSISTANCE_WORKS(
      "Fondation ou association d'assistance (CGI art. 238 bis 1 b) — biens mobiliers autres que"
          + " le matériel informatique",
      "L3212-2 2°",
      false,
      false),
  OTHER("Autre organisme, non prévu par l'article L3212-2", "—", false, false);

  private final String label;
  private final String legalBasis;
  private final boolean eligibleForItEquipment;
  private final boolean solidarityResaleAllowed;

  LegalCategory(
      String label,
      String legalBasis,
      boolean eligibleForItEquipment,
      boolean solidarityResaleAllowed) {
    this.label = label;
    this.legalBasis = legalBasis;
    this.eligibleForItEquipment = eligibleForItEquipment;
    this.solidarityResaleAllowed = solidarityResaleAllowed;
  }

  /** French label shown to users and in the agreement. */
  public String label() {
    return label;
  }

  /** Article of the CGPPP the category comes from ({@code L3212-2 3°}). */
  public String legalBasis() {
    return legalBasis;
  }

  /** Whether retired IT equipment may be given to this category (L3212-2 3°). */
  public boolean eligibleForItEquipment() {
    return eligibleForItEquipment;
  }

  /**
   * Whether the beneficiary may resell to people in precarity at a capped solidarity price instead
   * of committing not to resell (public-utility and general-interest associations).
   */
  public boolean solidarityResaleAllowed() {
    return solidarityResaleAllowed;
  }
}
