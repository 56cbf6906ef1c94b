/**
 * Security: who may see and do what.
 *
 * <p>Roles are those of the people around the processes ({@link fr.secondevie.security.Role}).
 * Browser pages use a session with form login and CSRF protection; {@code /api/**} is stateless
 * (HTTP Basic in embedded mode). In embedded mode users are local accounts stored in MariaDB
 * (BCrypt cost 12), managed by administrators on {@code /admin/users}; the first start creates
 * {@code admin} with a one-time password; failed logins are throttled per user name and address.
 * Demonstration users, one per role with a shared public password, exist only in demo mode ({@code
 * demo} profile). In the {@code camunda} profile users log in through OpenID Connect and their
 * roles come from a token claim. See docs/security-users.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package fr.secondevie.security;
