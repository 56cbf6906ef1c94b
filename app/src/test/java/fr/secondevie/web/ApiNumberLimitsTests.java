package fr.secondevie.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A number too large for its field in a JSON API body (a 30-digit cost, a quantity beyond an int)
 * is a 400 problem naming the field, never a 500. The body is refused before anything runs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiNumberLimitsTests {

  static final String HUGE = "123456789012345678901234567890";

  @Autowired MockMvc mvc;

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of(
            post("/api/reconditioning-orders/1/completion"),
            "{\"result\": \"RECONDITIONED\", \"costCents\": " + HUGE + "}",
            "costCents"),
        Arguments.of(
            post("/api/reconditioning-orders/1/completion"),
            "{\"result\": \"RECONDITIONED\", \"lifetimeExtensionMonths\": 99999999999}",
            "lifetimeExtensionMonths"),
        Arguments.of(
            post("/api/beneficiaries/1/requests"), "{\"quantity\": " + HUGE + "}", "quantity"),
        Arguments.of(put("/api/adapted-companies/1"), "{\"lotSize\": 1e400}", "lotSize"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void shouldNameTheFieldOfANumberTooLarge(
      MockHttpServletRequestBuilder request, String body, String field) throws Exception {
    mvc.perform(
            request
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.detail").value(containsString("« " + field + " »")));
  }
}
