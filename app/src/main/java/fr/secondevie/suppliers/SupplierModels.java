package fr.secondevie.suppliers;

import io.camunda.client.annotation.Deployment;
import org.springframework.context.annotation.Configuration;

/**
 * Deploys P4's models when the application starts (Camunda, or the embedded engine), so that the
 * buyer's page and the SAD intake can start {@code supplier-referencing}. Only P4's own resources:
 * the other processes are deployed by their owners. Redeploying unchanged resources creates no new
 * version. Nothing is deployed when {@code camunda.client.deployment.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Deployment(
    resources = {
      "classpath:/models/supplier-referencing.bpmn",
      "classpath:/models/supplier-maturity.dmn",
      "classpath:/models/evaluate-evidence.form",
      "classpath:/models/decide-referencing.form"
    })
class SupplierModels {}
