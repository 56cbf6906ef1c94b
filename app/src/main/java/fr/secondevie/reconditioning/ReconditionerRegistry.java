package fr.secondevie.reconditioning;

import fr.secondevie.common.InvalidInputException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The internal workshop and the referenced suppliers that refurbish equipment. */
@Service
@Transactional
class ReconditionerRegistry {

  private final ReconditionerRepository reconditioners;
  private final Clock clock;

  ReconditionerRegistry(ReconditionerRepository reconditioners, Clock clock) {
    this.reconditioners = reconditioners;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Reconditioner> all() {
    return reconditioners.findAllOrdered();
  }

  /**
   * @throws InvalidInputException nothing is written
   */
  public Reconditioner create(ReconditionerForm form) {
    return reconditioners.save(Reconditioner.create(form.validate(), clock.instant()));
  }

  public Reconditioner setActive(long id, boolean active) {
    Reconditioner r =
        reconditioners
            .findById(id)
            .orElseThrow(() -> InvalidInputException.of("id", "Aucun reconditionneur n° " + id));
    r.update(
        new ReconditionerForm.Valid(r.name(), r.channel(), r.supplierRef(), r.email(), active),
        clock.instant());
    return reconditioners.save(r);
  }
}
