/**
 * The gRPC gateway: Camunda's {@code gateway_protocol.Gateway} service served with grpc-netty,
 * translating protobuf requests into engine commands and results or rejections into responses and
 * status codes, as {@code gateway.proto} documents them.
 */
package fr.secondevie.engine.gateway;
