package fr.secondevie.support.apifixture.shipping;

import org.springframework.modulith.NamedInterface;

/** Fixture for {@code ModularityTests}: the API of module {@code shipping}. */
@NamedInterface("api")
public record Parcel(String reference) {}
