/** A rerunnable end-to-end benchmark of the embedded engine through the real gRPC client. */
package fr.secondevie.bench;
