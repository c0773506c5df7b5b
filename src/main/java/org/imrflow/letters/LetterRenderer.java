package org.imrflow.letters;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders a letter's text from its Thymeleaf template (text mode) in the layout of the real letters. */
@Component
class LetterRenderer {

  /** Compiled once: a pattern given as a string is compiled again on every letter. */

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
    return TextLayout.wrap(atMostOneBlankLine(text).strip() + "\n");
  }

  /** Runs of blank lines (the template's conditionals leave them) as one: at most two line breaks in a row. */
  static String atMostOneBlankLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int breaks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      breaks = c == '\n' ? breaks + 1 : 0;
      if (breaks <= 2) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
