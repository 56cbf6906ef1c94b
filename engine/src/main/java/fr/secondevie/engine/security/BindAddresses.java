package fr.secondevie.engine.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Resolves the addresses the engine's servers listen on. */
public final class BindAddresses {

  /** Where every port listens unless told otherwise: loopback, this machine only. */
  public static final String LOOPBACK = "127.0.0.1";

  private BindAddresses() {}

  /** The socket address for {@code host} (an IP address or a name) and {@code port}. */
  public static InetSocketAddress of(String what, String host, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "Expected an address of this machine for the engine's "
              + what
              + ", but '"
              + host
              + "' does not resolve",
          e);
    }
  }

  /** Like {@link #of}, refusing anything but a loopback address (the management API). */
  public static InetSocketAddress loopbackOnly(String what, String host, int port) {
    InetSocketAddress address = of(what, host, port);
    if (!address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "Expected a loopback address for the engine's "
              + what
              + " (it can move the clock and purge everything), but got '"
              + host
              + "'");
    }
    return address;
  }
}
