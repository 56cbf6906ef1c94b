/**
 * Who may call the engine: the HTTP Basic credentials that the gRPC gateway, the REST API and the
 * management API require ({@link fr.secondevie.engine.EngineCredentials}, kept in a private file by
 * {@link fr.secondevie.engine.CredentialsFile}), checked in constant time by {@link
 * fr.secondevie.engine.security.BasicAuthenticator}, and the check that the management API only
 * ever listens on loopback ({@link fr.secondevie.engine.security.BindAddresses}).
 */
package fr.secondevie.engine.security;
