package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access log's lines, as slapd's stats level writes them. */
class AccessLogTest extends ServerTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger accessLogger;

    @BeforeEach
    void capture() {
        accessLogger = (Logger) LoggerFactory.getLogger("org.larch.access");
        appender.start();
        accessLogger.addAppender(appender);
    }

    @AfterEach
    void release() {
        accessLogger.detachAppender(appender);
    }

    @Test
    void oneLinePerRequestAndResultPlusAcceptAndClose() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            connection.search("dc=example,dc=com", SearchScope.SUB, "(uid=alice)", "cn");
        }
        Thread.sleep(300);
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertLine(lines, "conn=\\d+ fd=0 ACCEPT from IP=127\\.0\\.0\\.1:\\d+ \\(IP=127\\.0\\.0\\.1:\\d+\\)");
        assertLine(lines, "conn=\\d+ op=0 BIND dn=\"cn=admin,dc=example,dc=com\" method=128");
        assertLine(lines, "conn=\\d+ op=0 RESULT tag=97 err=0 nentries=0 etime=\\d+\\.\\d{6} text=");
        assertLine(lines, "conn=\\d+ op=1 SRCH base=\"dc=example,dc=com\" scope=2 deref=0 filter=\"\\(uid=alice\\)\" attrs=\"cn\"");
        assertLine(lines, "conn=\\d+ op=1 RESULT tag=101 err=0 nentries=1 etime=\\d+\\.\\d{6} text=");
        assertLine(lines, "conn=\\d+ op=2 UNBIND");
        assertLine(lines, "conn=\\d+ fd=0 closed \\(connection closed\\)");
    }

    @Test
    void failuresLogTheirCodeAndText() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            connection.compare("uid=alice,ou=people,dc=example,dc=com", "title", "x");
        } catch (com.unboundid.ldap.sdk.LDAPException expected) {
            // noSuchAttribute
        }
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertLine(lines, "conn=\\d+ op=0 CMP dn=\"uid=alice,ou=people,dc=example,dc=com\" attr=\"title\"");
        assertLine(lines, "conn=\\d+ op=0 RESULT tag=111 err=16 nentries=0 etime=\\S+ text=no attribute title");
    }

    private static void assertLine(List<String> lines, String pattern) {
        assertTrue(lines.stream().anyMatch(line -> line.matches(pattern)), "no line like " + pattern + " in " + lines);
    }
}
