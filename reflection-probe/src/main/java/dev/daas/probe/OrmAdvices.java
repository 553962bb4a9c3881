package dev.daas.probe;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Advice inlined into MyBatis and Hibernate classes, matched by name only: the agent never links
 * against either framework. Each delegates to a hook that never throws.
 */
final class OrmAdvices {
  private OrmAdvices() {}

  /**
   * Adds the MyBatis and Hibernate hooks. Types are matched by exact name, so applications
   * without these frameworks pay one string comparison per loaded class and nothing else.
   */
  static AgentBuilder register(AgentBuilder builder) {
    return builder
        .type(named("org.apache.ibatis.session.Configuration"))
        .transform(on(MyBatisStatement.class, named("addMappedStatement").and(takesArguments(1))))
        .transform(on(MyBatisResultMap.class, named("addResultMap").and(takesArguments(1))))
        .type(named("org.apache.ibatis.session.SqlSessionFactoryBuilder"))
        .transform(on(MyBatisBuilt.class, named("build").and(isPublic())))
        .type(named("org.apache.ibatis.session.defaults.DefaultSqlSessionFactory"))
        .transform(on(MyBatisSession.class, named("openSession").and(isPublic())))
        .type(named("org.hibernate.persister.internal.PersisterFactoryImpl"))
        .transform(on(HibernatePersister.class,
            named("createEntityPersister").or(named("createCollectionPersister"))))
        .type(named("org.hibernate.internal.SessionFactoryImpl"))
        .transform(on(HibernateFactory.class, isConstructor()))
        .transform(on(HibernateSession.class, isPublic().and(named("openSession")
            .or(named("withOptions")).or(named("createEntityManager")))));
  }

  private static AgentBuilder.Transformer on(Class<?> adviceClass,
      final ElementMatcher<? super MethodDescription> methods) {
    final Advice advice = Advice.to(adviceClass);
    return new AgentBuilder.Transformer() {
      @Override
      public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
          ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(advice.on(methods));
      }
    };
  }

  /** {@code org.apache.ibatis.session.Configuration.addMappedStatement(MappedStatement)}. */
  static final class MyBatisStatement {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object statement) {
      MyBatisMappings.statementAdded(statement);
    }
  }

  /** {@code org.apache.ibatis.session.Configuration.addResultMap(ResultMap)}. */
  static final class MyBatisResultMap {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object resultMap) {
      MyBatisMappings.resultMapAdded(resultMap);
    }
  }

  /** {@code SqlSessionFactoryBuilder.build(..)}: the factory returned. */
  static final class MyBatisBuilt {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object factory) {
      MyBatisMappings.flush(factory);
    }
  }

  /** {@code DefaultSqlSessionFactory.openSession(..)}: cheap unless something changed. */
  static final class MyBatisSession {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object factory) {
      MyBatisMappings.flush(factory);
    }
  }

  /** {@code PersisterFactoryImpl.createEntityPersister/createCollectionPersister(..)}. */
  static final class HibernatePersister {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @Advice.Origin("#m") String method, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object persister) {
      HibernateMappings.persisterCreated(method, persister);
    }
  }

  /** The constructors of {@code org.hibernate.internal.SessionFactoryImpl}. */
  static final class HibernateFactory {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object factory) {
      HibernateMappings.factoryBuilt(factory);
    }
  }

  /** {@code SessionFactoryImpl.openSession/withOptions/createEntityManager(..)}. */
  static final class HibernateSession {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object factory) {
      HibernateMappings.sessionOpening(factory);
    }
  }
}
