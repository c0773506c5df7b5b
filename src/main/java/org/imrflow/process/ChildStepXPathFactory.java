package org.imrflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The JDK's XPath with a short cut for element-name steps ({@code selectKey}, {@code /mapper/resultMap},
 * {@code select|insert|update|delete}): the expressions MyBatis evaluates, once or more per statement,
 * while it reads the engine's SQL mappings at start. The JDK's XPath builds a table of the whole document
 * for every evaluation, which made reading Camunda's mapping files a fifth of the main thread's start;
 * a step by element name is a walk over a node's children. Any other expression, or a result other than
 * nodes, goes to the JDK's XPath. {@link MappingsXPathPlugin} installs it while the engine reads them.
 */
public final class ChildStepXPathFactory extends XPathFactory {

  /** Where {@code XPathFactory.newInstance()} looks first for the implementation to use. */
  public static final String SYSTEM_PROPERTY = "javax.xml.xpath.XPathFactory:" + DEFAULT_OBJECT_MODEL_URI;

  /** An element name without a prefix. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final XPathFactory jdk = XPathFactory.newDefaultInstance();

  @Override
  public boolean isObjectModelSupported(String objectModel) {
    return DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
  }

  @Override
  public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
    jdk.setFeature(name, value);
  }

  @Override
  public boolean getFeature(String name) throws XPathFactoryConfigurationException {
    return jdk.getFeature(name);
  }

  @Override
  public void setXPathVariableResolver(XPathVariableResolver resolver) {
    jdk.setXPathVariableResolver(resolver);
  }

  @Override
  public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
    jdk.setXPathFunctionResolver(resolver);
  }

  @Override
  public XPath newXPath() {
    return new ChildStepXPath(jdk.newXPath());
  }

  /**
   * Steps by element name, from the document or from the context node; each step keeps the children of
   * the nodes before it whose name is one of its names (several names only in a single-step union).
   */
  record NamePath(boolean fromDocument, List<List<String>> steps) {

    /** The path of an expression this class walks itself, or null when the JDK's XPath must. */
    static NamePath of(String expression) {
      if (expression.contains("|")) {
        // A union of names relative to the context node: one pass over its children keeps document order.
        List<String> names = List.of(expression.split("\\|", -1));
        boolean allNames = names.stream().allMatch(ChildStepXPathFactory::isName);
        return allNames ? new NamePath(false, List.of(names)) : null;
      }
      boolean fromDocument = expression.startsWith("/");
      List<List<String>> steps = new ArrayList<>();
      for (String name : (fromDocument ? expression.substring(1) : expression).split("/", -1)) {
        if (!isName(name)) {
          return null;
        }
        steps.add(List.of(name));
      }
      return new NamePath(fromDocument, steps);
    }

    /** The nodes the path selects from the context node, in document order. */
    List<Node> select(Node context) {
      Node start = !fromDocument || context instanceof Document ? context : context.getOwnerDocument();
      List<Node> current = List.of(start);
      for (List<String> names : steps) {
        List<Node> next = new ArrayList<>();
        for (Node parent : current) {
          for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (matches(child, names)) {
              next.add(child);
            }
          }
        }
        current = next;
      }
      return current;
    }
  }

  private static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * XPath 1.0's name test without a prefix: an element of that name in no namespace. In a document read
   * without namespaces (as MyBatis reads), the JDK's XPath takes the part of a name after its colon.
   */
  private static boolean matches(Node node, List<String> names) {
    if (node.getNodeType() != Node.ELEMENT_NODE || node.getNamespaceURI() != null) {
      return false;
    }
    String name = node.getLocalName();
    if (name == null) {
      name = node.getNodeName().substring(node.getNodeName().lastIndexOf(':') + 1);
    }
    return names.contains(name);
  }

  private record Nodes(List<Node> nodes) implements NodeList {

    @Override
    public Node item(int index) {
      return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
    }

    @Override
    public int getLength() {
      return nodes.size();
    }
  }

  private static final class ChildStepXPath implements XPath {

    private final XPath jdk;

    ChildStepXPath(XPath jdk) {
      this.jdk = jdk;
    }

    @Override
    public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
      boolean nodes = XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType);
      boolean fromElement = item instanceof Node && !(item instanceof Attr);
      NamePath path = nodes && fromElement ? NamePath.of(expression) : null;
      if (path == null) {
        return jdk.evaluate(expression, item, returnType);
      }
      List<Node> selected = path.select((Node) item);
      if (XPathConstants.NODE.equals(returnType)) {
        return selected.isEmpty() ? null : selected.get(0);
      }
      return new Nodes(selected);
    }

    @Override
    public String evaluate(String expression, Object item) throws XPathExpressionException {
      return jdk.evaluate(expression, item);
    }

    @Override
    public Object evaluate(String expression, InputSource source, QName returnType) throws XPathExpressionException {
      return jdk.evaluate(expression, source, returnType);
    }

    @Override
    public String evaluate(String expression, InputSource source) throws XPathExpressionException {
      return jdk.evaluate(expression, source);
    }

    @Override
    public XPathExpression compile(String expression) throws XPathExpressionException {
      return jdk.compile(expression);
    }

    @Override
    public void reset() {
      jdk.reset();
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
      jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public XPathVariableResolver getXPathVariableResolver() {
      return jdk.getXPathVariableResolver();
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
      jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPathFunctionResolver getXPathFunctionResolver() {
      return jdk.getXPathFunctionResolver();
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) {
      jdk.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
      return jdk.getNamespaceContext();
    }
  }
}
