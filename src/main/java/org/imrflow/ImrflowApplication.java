package org.imrflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** IMRflow: independent medical review of workers' compensation treatment disputes. */
@SpringBootApplication
@EnableProcessApplication("imrflow")
@ConfigurationPropertiesScan
public class ImrflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(ImrflowApplication.class, args);
  }
}
