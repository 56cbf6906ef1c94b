package fr.secondevie.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.support.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssetStatusTests {

  @Test
  void everyPathOfTheEndOfLifeProcessIsAllowed() {
    assertPath(
        AssetStatus.IN_SERVICE,
        AssetStatus.DECOMMISSIONING,
        AssetStatus.SANITIZING,
        AssetStatus.SANITIZED,
        AssetStatus.DONATION_PENDING,
        AssetStatus.DONATED);
    assertPath(
        AssetStatus.IN_SERVICE,
        AssetStatus.DECOMMISSIONING,
        AssetStatus.SANITIZING,
        AssetStatus.MEDIA_DESTRUCTION,
        AssetStatus.SANITIZED,
        AssetStatus.AWAITING_ROUTE,
        AssetStatus.RECYCLING_PENDING,
        AssetStatus.RECYCLED);
    assertPath(
        AssetStatus.IN_STOCK,
        AssetStatus.DECOMMISSIONING,
        AssetStatus.SANITIZING,
        AssetStatus.SANITIZED,
        AssetStatus.RECONDITIONING,
        AssetStatus.IN_STOCK,
        AssetStatus.IN_SERVICE);
    assertPath(
        AssetStatus.SANITIZED,
        AssetStatus.DONATION_PENDING,
        AssetStatus.RECONDITIONING,
        AssetStatus.RECYCLING_PENDING,
        AssetStatus.RECYCLED);
  }

  @Test
  void finalStatusesAllowNothing() {
    assertThat(AssetStatus.DONATED.isFinal()).isTrue();
    assertThat(AssetStatus.RECYCLED.isFinal()).isTrue();
    assertThat(AssetStatus.IN_SERVICE.isFinal()).isFalse();
  }

  @Test
  void anAssetNeverLeavesWithoutSanitization() {
    for (AssetStatus leaving :
        new AssetStatus[] {
          AssetStatus.DONATION_PENDING, AssetStatus.RECONDITIONING, AssetStatus.RECYCLING_PENDING
        }) {
      assertThat(AssetStatus.IN_SERVICE.canMoveTo(leaving)).isFalse();
      assertThat(AssetStatus.DECOMMISSIONING.canMoveTo(leaving)).isFalse();
      assertThat(AssetStatus.SANITIZING.canMoveTo(leaving)).isFalse();
      assertThat(AssetStatus.MEDIA_DESTRUCTION.canMoveTo(leaving)).isFalse();
    }
  }

  @Test
  void anIllegalTransitionIsRefusedWithAClearMessage() {
    Instant now = TestClock.fromProperty().instant();
    Asset asset = Asset.register("CHU-1", AssetCategory.LAPTOP, AssetStatus.IN_SERVICE, now);

    assertThatThrownBy(() -> asset.moveTo(AssetStatus.DONATED, now))
        .isInstanceOf(IllegalStatusTransitionException.class)
        .hasMessage(
            "Transition interdite pour l'équipement CHU-1 : « En service » (IN_SERVICE) →"
                + " « Donné » (DONATED). Depuis « En service », transitions autorisées :"
                + " En stock (IN_STOCK), Retrait en cours (DECOMMISSIONING).");
    assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
  }

  private static void assertPath(AssetStatus... path) {
    for (int i = 1; i < path.length; i++) {
      assertThat(path[i - 1].canMoveTo(path[i])).as(path[i - 1] + " → " + path[i]).isTrue();
    }
  }
}
