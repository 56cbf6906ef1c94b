package fr.secondevie.engine.processing;

/** Why a command was rejected; the transports map these to gRPC codes or HTTP statuses. */
public enum RejectionType {
  INVALID_ARGUMENT,
  NOT_FOUND,
  ALREADY_EXISTS,
  INVALID_STATE
}
