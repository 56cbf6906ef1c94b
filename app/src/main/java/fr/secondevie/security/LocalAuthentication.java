package fr.secondevie.security;

import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password (form login and HTTP Basic alike): refused at once while the
 * (user, address) pair is locked by {@link LoginThrottle}, then the password, through {@link
 * VerifiedPasswords} so that a client repeating the same Basic credentials pays one BCrypt check
 * per few minutes rather than one per request.
 */
class LocalAuthentication implements AuthenticationProvider {

  private final LocalUsers users;
  private final PasswordEncoder encoder;
  private final LoginThrottle throttle;
  private final VerifiedPasswords verified;
  private volatile String unknownUserHash;

  LocalAuthentication(
      LocalUsers users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      VerifiedPasswords verified) {
    this.users = users;
    this.encoder = encoder;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName() == null ? "" : authentication.getName().strip();
    String password =
        authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    throttle
        .lockedFor(username, address)
        .ifPresent(
            left -> {
              throw new LoginLockedException(left);
            });
    UserDetails user;
    try {
      user = users.loadUserByUsername(username.toLowerCase(Locale.ROOT));
    } catch (UsernameNotFoundException e) {
      // same work as for a real account, so that timing does not tell which names exist
      encoder.matches(password, unknownUserHash());
      throw failure(username, address);
    }
    if (!passwordMatches(user, password)) {
      throw failure(username, address);
    }
    if (!user.isEnabled()) {
      throw new DisabledException("Account disabled");
    }
    throttle.succeeded(username, address);
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    result.setDetails(authentication.getDetails());
    return result;
  }

  private boolean passwordMatches(UserDetails user, String password) {
    if (Passwords.tooLongForBcrypt(password)) {
      return false;
    }
    String stored = user.getPassword();
    if (verified.recentlyVerified(user.getUsername(), password, stored)) {
      return true;
    }
    if (!encoder.matches(password, stored)) {
      return false;
    }
    verified.remember(user.getUsername(), password, stored);
    return true;
  }

  /** The failure that reaches the limit is answered as the lock it causes. */
  private AuthenticationException failure(String username, String address) {
    return throttle
        .failed(username, address)
        .<AuthenticationException>map(LoginLockedException::new)
        .orElseGet(() -> new BadCredentialsException("Bad credentials"));
  }

  private String unknownUserHash() {
    if (unknownUserHash == null) {
      unknownUserHash = encoder.encode(Passwords.generate());
    }
    return unknownUserHash;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
