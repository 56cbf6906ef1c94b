package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An id that names nothing, in a page or an API action of the registries and disposal routes, gets
 * 404: never a 500, never a redirect that pretends something was done.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnknownIdTests {

  static final long UNKNOWN = 987_654_321L;

  @Autowired MockMvc mvc;

  static Stream<MockHttpServletRequestBuilder> requests() {
    String json = MediaType.APPLICATION_JSON_VALUE;
    return Stream.of(
        post("/reconditioners/{id}/active", UNKNOWN).param("active", "false"),
        get("/reconditioning-orders/{id}", UNKNOWN),
        post("/reconditioning-orders/{id}/publish", UNKNOWN),
        get("/beneficiaries/{id}", UNKNOWN),
        get("/beneficiaries/{id}/edit", UNKNOWN),
        multipart("/beneficiaries/{id}", UNKNOWN).param("name", "Association"),
        post("/beneficiaries/{id}/requests", UNKNOWN).param("quantity", "2"),
        post("/donation-requests/{id}/close", UNKNOWN).param("reason", "fini"),
        get("/donations/{id}", UNKNOWN),
        get("/adapted-companies/{id}", UNKNOWN),
        get("/adapted-companies/{id}/edit", UNKNOWN),
        post("/adapted-companies/{id}", UNKNOWN).param("name", "EA"),
        get("/dismantling-lots/{id}", UNKNOWN),
        post("/dismantling-lots/{id}/close", UNKNOWN),
        get("/suppliers/{id}", UNKNOWN),
        get("/suppliers/applications/{id}/evaluation", UNKNOWN),
        post("/suppliers/applications/{id}/evaluation", UNKNOWN),
        get("/api/beneficiaries/{id}", UNKNOWN),
        put("/api/beneficiaries/{id}", UNKNOWN).contentType(json).content("{\"name\":\"A\"}"),
        get("/api/beneficiaries/{id}/requests", UNKNOWN),
        post("/api/beneficiaries/{id}/requests", UNKNOWN).contentType(json).content("{}"),
        get("/api/donation-requests/{id}", UNKNOWN),
        post("/api/donation-requests/{id}/close", UNKNOWN).contentType(json).content("{}"),
        get("/api/reconditioning-orders/{id}", UNKNOWN),
        post("/api/reconditioning-orders/{id}/publish", UNKNOWN),
        get("/api/adapted-companies/{id}", UNKNOWN),
        put("/api/adapted-companies/{id}", UNKNOWN).contentType(json).content("{\"name\":\"EA\"}"),
        get("/api/dismantling-lots/{id}", UNKNOWN));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void shouldAnswer404ForAnUnknownId(MockHttpServletRequestBuilder request) throws Exception {
    // given
    request.with(user("admin").roles("ADMIN")).with(csrf());

    // when
    int status = mvc.perform(request).andReturn().getResponse().getStatus();

    // then
    assertThat(status).isEqualTo(404);
  }
}
