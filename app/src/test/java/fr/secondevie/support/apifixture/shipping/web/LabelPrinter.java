package fr.secondevie.support.apifixture.shipping.web;

import fr.secondevie.support.apifixture.shipping.ParcelLabel;

/** Fixture for {@code ModularityTests}: a sibling package of module {@code shipping}. */
record LabelPrinter(ParcelLabel label) {}
