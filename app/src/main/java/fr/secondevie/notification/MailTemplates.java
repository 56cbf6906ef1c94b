package fr.secondevie.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * E-mail bodies from Thymeleaf text templates ({@code src/main/resources/mail/<name>.txt}, textual
 * syntax: {@code [(${value})]}, {@code [# th:if="${...}"]...[/]}), as the PDFs come from HTML
 * templates. Its own engine: the pages' engine renders HTML and escapes for it.
 */
@NamedInterface("api")
@Component
public class MailTemplates {

  private final SpringTemplateEngine engine;

  public MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
  }

  /**
   * @param template the file name under {@code mail/}, without {@code .txt}
   * @param variables what the template reads
   */
  public String render(String template, Map<String, ?> variables) {
    Context context = new Context(Locale.FRANCE);
    variables.forEach(context::setVariable);
    return engine.process(template, context);
  }
}
