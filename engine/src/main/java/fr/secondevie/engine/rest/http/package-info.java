/**
 * A small HTTP layer over the JDK's {@code com.sun.net.httpserver}: routing by method and path
 * template, JSON and multipart request bodies, problem-detail errors. Shared by the REST and the
 * management APIs.
 */
package fr.secondevie.engine.rest.http;
