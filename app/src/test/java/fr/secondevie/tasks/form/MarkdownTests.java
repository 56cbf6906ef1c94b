package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Markdown of text components (CommonMark, commonmark-java), rendered to safe HTML, and the
 * templates before it.
 */
class MarkdownTests {

  @Test
  void shouldRenderHeadingsFromLevelTwoAndParagraphs() {
    assertThat(Markdown.toHtml("# Titre\n## Sous-titre\nUne ligne\nsuite\n\nAutre paragraphe"))
        .isEqualTo(
            "<h2>Titre</h2>\n<h2>Sous-titre</h2>\n<p>Une ligne\nsuite</p>\n<p>Autre paragraphe</p>\n");
    assertThat(Markdown.toHtml("### Trois")).isEqualTo("<h3>Trois</h3>\n");
  }

  @Test
  void shouldRenderListsQuotesAndRules() {
    assertThat(Markdown.toHtml("- un\n- **deux**\n\n1. a\n2. b\n\n> cité\n\n---"))
        .isEqualTo(
            "<ul>\n<li>un</li>\n<li><strong>deux</strong></li>\n</ul>\n"
                + "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"
                + "<blockquote>\n<p>cité</p>\n</blockquote>\n<hr />\n");
  }

  @Test
  void shouldRenderInlineMarkup() {
    assertThat(Markdown.inline("**gras** *italique* _aussi_ `code` [lien](https://x.fr/a?b=1&c=2)"))
        .isEqualTo(
            "<strong>gras</strong> <em>italique</em> <em>aussi</em> <code>code</code>"
                + " <a href=\"https://x.fr/a?b=1&amp;c=2\">lien</a>");
  }

  @Test
  void shouldNotEmphasizeInsideWordsWithUnderscores() {
    assertThat(Markdown.inline("ASSET_NOT_FOUND et NO_STORAGE"))
        .isEqualTo("ASSET_NOT_FOUND et NO_STORAGE");
  }

  @Test
  void shouldEscapeHtmlAndRefuseDangerousLinks() {
    assertThat(Markdown.toHtml("<script>alert(1)</script> & \"x\""))
        .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>\n");
    assertThat(Markdown.inline("[clic](javascript:alert(1))")).isEqualTo("clic");
    assertThat(Markdown.inline("[page](/suppliers/1)"))
        .isEqualTo("<a href=\"/suppliers/1\">page</a>");
    assertThat(Markdown.inline("[ailleurs](//evil.example)")).isEqualTo("ailleurs");
  }

  @Test
  void shouldShowImagesAsTheirTextAndCodeAsText() {
    assertThat(Markdown.toHtml("![logo](https://evil.example/x.png) [écrire](mailto:dsi@chu.fr)"))
        .isEqualTo("<p>logo <a href=\"mailto:dsi@chu.fr\">écrire</a></p>\n");
    assertThat(Markdown.toHtml("```\n<b>gras</b>\n```"))
        .isEqualTo("<pre><code>&lt;b&gt;gras&lt;/b&gt;\n</code></pre>\n");
  }

  @Test
  void shouldInsertEntitiesAndImagesOfVariablesAsText() {
    Map<String, Object> vars = Map.of("name", "&amp; ![i](https://evil.example/x.png)");
    String source = TEMPLATES.markdown("Nom : {{name}}", vars);
    assertThat(Markdown.toHtml(source))
        .isEqualTo("<p>Nom : &amp;amp; ![i](https://evil.example/x.png)</p>\n");
  }

  @Test
  void shouldBreakLinesOnTwoTrailingSpaces() {
    assertThat(Markdown.toHtml("ligne  \nsuivante")).isEqualTo("<p>ligne<br />\nsuivante</p>\n");
  }

  @Test
  void shouldInsertVariablesWithoutLettingThemAddMarkup() {
    Map<String, Object> vars = Map.of("name", "**<b>Asso</b>** [x](https://evil)", "n", 3);
    String source = TEMPLATES.markdown("Bénéficiaire **{{name}}**, {{n}} postes", vars);
    assertThat(Markdown.toHtml(source))
        .isEqualTo(
            "<p>Bénéficiaire <strong>**&lt;b&gt;Asso&lt;/b&gt;** [x](https://evil)</strong>, 3 postes</p>\n");
  }

  @Test
  void shouldKeepConditionalBlocksAndLoops() {
    Map<String, Object> vars =
        Map.of(
            "issue",
            "ASSET_NOT_FOUND",
            "drives",
            java.util.List.of(Map.of("serial", "S1"), Map.of("serial", "S2")));
    assertThat(
            TEMPLATES.text(
                "{{#if issue = \"ASSET_NOT_FOUND\"}}introuvable{{/if}}{{#if issue = \"X\"}}autre{{/if}}",
                vars))
        .isEqualTo("introuvable");
    assertThat(TEMPLATES.text("{{#loop drives}}[{{serial}}]{{/loop}}", vars)).isEqualTo("[S1][S2]");
    assertThat(TEMPLATES.text("{{#loop missing}}x{{/loop}}fin", vars)).isEqualTo("fin");
    assertThat(TEMPLATES.text("=\"n° \" + issue", vars)).isEqualTo("n° ASSET_NOT_FOUND");
    assertThat(TEMPLATES.text("{{missing.value}}|", vars)).isEqualTo("|");
  }
}
