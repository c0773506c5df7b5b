package org.imrflow.letters;

import java.util.Map;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.springframework.stereotype.Component;

/** Renders a letter's text from its Thymeleaf template (text mode) in the layout of the real letters. */
@Component
class LetterRenderer {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  LetterRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("letters/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  String text(LetterType type, Map<String, Object> model) {
    String text = engine.process(type.template(), new Context(java.util.Locale.US, model));
    return TextLayout.wrap(text.replaceAll("\n{3,}", "\n\n").strip() + "\n");
  }
}
