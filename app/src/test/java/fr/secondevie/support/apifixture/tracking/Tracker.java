package fr.secondevie.support.apifixture.tracking;

import fr.secondevie.support.apifixture.shipping.Parcel;
import fr.secondevie.support.apifixture.shipping.ParcelWeight;

/**
 * Fixture for {@code ModularityTests}: module {@code tracking} uses the API of {@code shipping} and
 * a public type outside it.
 */
public record Tracker(Parcel parcel, ParcelWeight weight) {}
