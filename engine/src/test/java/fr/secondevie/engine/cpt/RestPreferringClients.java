package fr.secondevie.engine.cpt;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import io.camunda.process.test.api.CamundaClientBuilderFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Properties;

/**
 * A client builder factory for CPT's REMOTE runtime whose clients always prefer REST: CPT calls
 * {@code preferRestOverGrpc(false)} on every builder it takes, and this builder turns that call
 * into {@code preferRestOverGrpc(true)}. Every command that has a REST variant (deploy, create
 * instance, job activation and completion, publish message, evaluate decision, ...) then goes over
 * {@code /v2}.
 */
final class RestPreferringClients implements CamundaClientBuilderFactory {

  private static final Method PREFER_REST;

  static {
    try {
      PREFER_REST = CamundaClientBuilder.class.getMethod("preferRestOverGrpc", boolean.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public CamundaClientBuilder get() {
    Properties properties = CptEngineSession.runtimeProperties();
    CamundaClientBuilder delegate =
        CamundaClient.newClientBuilder()
            .grpcAddress(CptEngineSession.address(properties, "remote.client.grpcAddress"))
            .restAddress(CptEngineSession.address(properties, "remote.client.restAddress"))
            .preferRestOverGrpc(true)
            .credentialsProvider(
                CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .username(CptEngineSession.CREDENTIALS.username())
                    .password(CptEngineSession.CREDENTIALS.password())
                    .build());
    return forcingRest(delegate);
  }

  private static CamundaClientBuilder forcingRest(CamundaClientBuilder delegate) {
    Object[] self = new Object[1];
    self[0] =
        Proxy.newProxyInstance(
            CamundaClientBuilder.class.getClassLoader(),
            new Class<?>[] {CamundaClientBuilder.class},
            (proxy, method, args) -> {
              Object[] arguments = args;
              if (method.equals(PREFER_REST)) {
                arguments = new Object[] {true};
              }
              Object result;
              try {
                result = method.invoke(delegate, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              return result == delegate ? self[0] : result;
            });
    return (CamundaClientBuilder) self[0];
  }
}
