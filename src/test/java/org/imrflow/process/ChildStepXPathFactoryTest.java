package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChildStepXPathFactoryTest {

  private static final String MAPPER = """
      <mapper namespace="x">
        <resultMap id="a"><id property="id" column="ID_"/></resultMap>
        <sql id="columns">ID_, NAME_</sql>
        <select id="one">select <include refid="columns"/> from T</select>
        <!-- a comment between statements -->
        <insert id="two"><selectKey keyProperty="id">select 1</selectKey>insert into T</insert>
        <update id="three">update T</update>
        <resultMap id="b"/>
        <delete id="four">delete from T</delete>
        <other:select xmlns:other="urn:other" id="namespaced"/>
        <select.more id="dotted"/>
      </mapper>""";

  private final XPath jdk = XPathFactory.newDefaultInstance().newXPath();
  private final XPath fast = new ChildStepXPathFactory().newXPath();

  @Test
  void elementNameStepsSelectWhatTheJdksXPathSelects() throws Exception {
    for (boolean namespaceAware : new boolean[] {false, true}) {
      Document document = parse(namespaceAware);
      Node mapper = document.getDocumentElement();
      Node insert = (Node) jdk.evaluate("insert", mapper, XPathConstants.NODE);
      List<Object[]> cases = List.of(
          new Object[] {"/mapper", document}, new Object[] {"/mapper", insert},
          new Object[] {"/mapper/resultMap", document}, new Object[] {"/mapper/sql", mapper},
          new Object[] {"select|insert|update|delete", mapper}, new Object[] {"delete|select", mapper},
          new Object[] {"selectKey", insert}, new Object[] {"selectKey", mapper}, new Object[] {"cache-ref", mapper},
          new Object[] {"select.more", mapper}, new Object[] {"mapper", document},
          // Not element-name steps: answered by the JDK's XPath itself.
          new Object[] {"*", mapper}, new Object[] {"//selectKey", document}, new Object[] {"select[@id='one']", mapper},
          new Object[] {"other:select", mapper}, new Object[] {"/", mapper});
      for (Object[] c : cases) {
        String expression = (String) c[0];
        Node context = (Node) c[1];
        assertThat(names((NodeList) fast.evaluate(expression, context, XPathConstants.NODESET)))
            .as(expression + " from " + context.getNodeName() + (namespaceAware ? ", namespace aware" : ""))
            .containsExactlyElementsOf(names((NodeList) jdk.evaluate(expression, context, XPathConstants.NODESET)));
        assertThat(fast.evaluate(expression, context, XPathConstants.NODE))
            .isSameAs(jdk.evaluate(expression, context, XPathConstants.NODE));
      }
      // Read without namespaces (as MyBatis reads), a prefixed name counts by its part after the colon.
      List<String> statements = new ArrayList<>(List.of("select#one", "insert#two", "update#three", "delete#four"));
      if (!namespaceAware) {
        statements.add("other:select#namespaced");
      }
      assertThat(names((NodeList) fast.evaluate("select|insert|update|delete", mapper, XPathConstants.NODESET)))
          .containsExactlyElementsOf(statements);
      assertThat(fast.evaluate("selectKey", mapper, XPathConstants.NODE)).isNull();
      assertThat(fast.evaluate("count(resultMap)", mapper, XPathConstants.NUMBER)).isEqualTo(2.0);
      assertThat(fast.evaluate("sql", mapper, XPathConstants.STRING)).isEqualTo("ID_, NAME_");
    }
  }

  @Test
  void installedOnlyWhileTheEngineReadsItsMappings() throws Exception {
    MappingsXPathPlugin plugin = new MappingsXPathPlugin();
    assertThat(System.getProperty(MappingsXPathPlugin.PROPERTY)).isNull();
    plugin.preInit(null);
    assertThat(XPathFactory.newInstance()).isInstanceOf(ChildStepXPathFactory.class);
    plugin.postInit(null);
    assertThat(System.getProperty(MappingsXPathPlugin.PROPERTY)).isNull();
    assertThat(XPathFactory.newInstance()).isNotInstanceOf(ChildStepXPathFactory.class);
  }

  private static Document parse(boolean namespaceAware) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(namespaceAware);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(MAPPER)));
  }

  private static List<String> names(NodeList nodes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      Node id = node.getAttributes() == null ? null : node.getAttributes().getNamedItem("id");
      names.add(node.getNodeName() + (id == null ? "" : "#" + id.getNodeValue()));
    }
    return names;
  }
}
