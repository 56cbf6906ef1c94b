package fr.secondevie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Seconde Vie: the responsible end of life of a hospital's IT equipment, on Camunda 8. */
@SpringBootApplication
public class SecondeVieApplication {

  public static void main(String[] args) {
    SpringApplication.run(SecondeVieApplication.class, args);
  }
}
