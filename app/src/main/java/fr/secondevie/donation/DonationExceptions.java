package fr.secondevie.donation;

import java.util.List;

/** Business outcomes of the donation workers that the process model handles (BPMN errors). */
final class DonationExceptions {

  private DonationExceptions() {}

  /** No open request of an eligible beneficiary wants the asset: wait and search again. */
  static class NoBeneficiaryAvailable extends RuntimeException {
    NoBeneficiaryAvailable(String message) {
      super(message);
    }
  }

  /** The law forbids giving this asset: fall back to another route. */
  static class NotEligible extends RuntimeException {

    private final DonationLaw.AssetCheck check;

    NotEligible(DonationLaw.AssetCheck check) {
      super("Don impossible : " + String.join(" ; ", check.failures()) + ".");
      this.check = check;
    }

    DonationLaw.AssetCheck check() {
      return check;
    }

    List<String> failures() {
      return check.failures();
    }
  }

  /**
   * The handover typed by the technician is refused (its message, in French, names each problem):
   * nothing is recorded and the task goes back to the technician. An {@link
   * IllegalArgumentException}, as {@link DonationHandovers#recordHandover} documents it.
   */
  static class HandoverRefused extends IllegalArgumentException {
    HandoverRefused(List<String> problems) {
      super(String.join(" ", problems));
    }
  }

  /** The proposed request was closed, filled or its beneficiary became ineligible: new search. */
  static class RequestClosed extends RuntimeException {
    RequestClosed(String message) {
      super(message);
    }
  }
}
