package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.person;
import static fr.secondevie.purchasing.PurchaseCommands.request;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Channels;
import fr.secondevie.suppliers.SupplierCategory;
import fr.secondevie.suppliers.SupplierDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The channel commands of P5: whether reconditioned offers can be had for a request (an input of
 * the decision {@code purchase-channel}), the channel decided, and the buyer's decision on buying
 * new.
 */
@Service
class PurchaseChannels {

  private final PurchaseRequestRepository requests;
  private final SupplierDirectory suppliers;
  private final Clock clock;
  private final Set<AssetCategory> contractCategories;

  PurchaseChannels(
      PurchaseRequestRepository requests,
      SupplierDirectory suppliers,
      Clock clock,
      @Value("${secondevie.purchasing.reconditioned-contract-categories:}")
          List<AssetCategory> contractCategories) {
    this.requests = requests;
    this.suppliers = suppliers;
    this.clock = clock;
    this.contractCategories = Set.copyOf(contractCategories);
  }

  /**
   * A referenced supplier of reconditioned equipment, valid today, or a purchasing central / SAD
   * contract for reconditioned equipment of the category ({@code
   * secondevie.purchasing.reconditioned-contract-categories}).
   */
  boolean reconditionedOffersAvailable(PurchaseRequest request) {
    if (contractCategories.contains(request.category())) {
      return true;
    }
    LocalDate today = today(clock);
    return suppliers.registry().stream()
        .map(SupplierDirectory.Entry::supplier)
        .anyMatch(
            s ->
                s.isReferencedOn(today)
                    && s.categories().contains(SupplierCategory.RECONDITIONED_EQUIPMENT));
  }

  void recordChannel(long requestId, String channel, String reason) {
    request(requests, requestId);
    if (!Set.of(Channels.RECONDITIONED, Channels.RECONDITIONED_OR_NEW, Channels.NEW)
        .contains(channel)) {
      throw new IllegalArgumentException("Unknown channel " + channel);
    }
    requests.writeChannel(requestId, channel, reason);
  }

  void recordNewPurchaseDecision(
      long requestId,
      String justification,
      boolean approved,
      String comment,
      Optional<CompletedBy> decidedBy) {
    request(requests, requestId);
    requests.writeNewPurchaseDecision(
        requestId,
        justification,
        approved,
        comment,
        person(decidedBy),
        approved ? RequestStatus.SOURCING : RequestStatus.REFUSED);
  }
}
