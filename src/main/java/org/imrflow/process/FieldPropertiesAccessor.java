package org.imrflow.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * OGNL's reading of a property (in MyBatis, the tests of the engine's dynamic SQL), with the read
 * method looked up once per class and name. OGNL caches a property's getter, but when there is none
 * (many of the engine's query objects expose plain fields, or methods named after the property) it
 * scans all the class's methods again on every evaluation: 2.2% of a full case's CPU, in
 * {@code OgnlRuntime.getReadMethod}. What is read is what {@link ObjectPropertyAccessor} reads: the
 * getter or read method if the member access allows it, else the field.
 */
final class FieldPropertiesAccessor extends ObjectPropertyAccessor {

  private final ClassValue<Map<String, Optional<Method>>> readMethods = new ClassValue<>() {
    @Override
    protected Map<String, Optional<Method>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
    if (target == null) {
      return super.getPossibleProperty(context, target, name);
    }
    Class<?> type = target.getClass();
    Method method = readMethods.get(type).computeIfAbsent(name, n -> Optional.ofNullable(
        Optional.ofNullable(OgnlRuntime.getGetMethod(type, n)).orElseGet(() -> OgnlRuntime.getReadMethod(type, n, null))))
        .orElse(null);
    try {
      // OgnlRuntime.getMethodValue with the method it would find, then getFieldValue, as OGNL does.
      if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
        return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
      }
      return OgnlRuntime.getFieldValue(context, target, name, true);
    } catch (InvocationTargetException e) {
      throw new OgnlException(name, e.getTargetException());
    } catch (ReflectiveOperationException e) {
      throw new OgnlException(name, e);
    }
  }
}
