package org.imrflow.letters;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders a letter's text from its Thymeleaf template (text mode) in the layout of the real letters. */
@Component
class LetterRenderer {

  /** Compiled once: a pattern given as a string is compiled again on every letter. */
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

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
    String text = engine.process(type.template(), new Context(Locale.US, model));
    return TextLayout.wrap(BLANK_LINES.matcher(text).replaceAll("\n\n").strip() + "\n");
  }
}
