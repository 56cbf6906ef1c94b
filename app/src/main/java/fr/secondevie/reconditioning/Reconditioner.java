package fr.secondevie.reconditioning;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The internal workshop or a referenced supplier that refurbishes equipment. {@code supplierRef} is
 * the supplier's id in the suppliers module, kept as a plain value.
 */
@Table("reconditioner")
class Reconditioner {

  @Id private Long id;
  @Version private Integer version;
  private String name;
  private Channel channel;
  private String supplierRef;
  private String email;
  private boolean active;
  private Instant createdAt;
  private Instant updatedAt;

  /** For Spring Data. */
  Reconditioner() {}

  static Reconditioner create(ReconditionerForm.Valid form, Instant now) {
    Reconditioner r = new Reconditioner();
    r.createdAt = now;
    r.update(form, now);
    return r;
  }

  void update(ReconditionerForm.Valid form, Instant now) {
    name = form.name();
    channel = form.channel();
    supplierRef = form.supplierRef();
    email = form.email();
    active = form.active();
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Channel channel() {
    return channel;
  }

  public String supplierRef() {
    return supplierRef;
  }

  public String email() {
    return email;
  }

  public boolean active() {
    return active;
  }
}
