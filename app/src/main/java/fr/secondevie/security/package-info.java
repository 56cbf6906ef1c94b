/**
 * Security: who may see and do what.
 *
 * <p>Roles are those of the people around the processes ({@link fr.secondevie.security.Role}).
 * Browser pages use a session with form login and CSRF protection; {@code /api/**} is stateless
 * (HTTP Basic in embedded mode). Demo users, one per role, exist only in embedded mode; in the
 * {@code camunda} profile users log in through OpenID Connect and their roles come from a token
 * claim.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package fr.secondevie.security;
