package org.larch.protocol.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log, one line per event as slapd's {@code stats} level writes them, through the SLF4J
 * logger {@code org.larch.access}:
 * <pre>
 * conn=12 fd=0 ACCEPT from IP=127.0.0.1:50312 (IP=127.0.0.1:1389)
 * conn=12 op=3 SRCH base="dc=example,dc=com" scope=2 deref=0 filter="(uid=x)"
 * conn=12 op=3 RESULT tag=101 err=0 nentries=1 etime=0.000123 text=
 * conn=12 fd=0 closed
 * </pre>
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.larch.access");

    private AccessLog() {}

    public static void accepted(Connection connection, SocketAddress local) {
        LOG.info("conn={} fd=0 ACCEPT from IP={} (IP={})", connection.number(),
                address(connection.remoteAddress()), address(local));
    }

    public static void refused(SocketAddress remote, String reason) {
        LOG.info("conn=- fd=0 REFUSED from IP={}: {}", address(remote), reason);
    }

    public static void closed(Connection connection, String reason) {
        LOG.info("conn={} fd=0 closed ({})", connection.number(), reason);
    }

    /** The request line: {@code what} is e.g. {@code SRCH base="..." scope=2 filter="..."}. */
    public static void request(Operation operation, String what) {
        LOG.info("conn={} op={} {}", operation.connection().number(), operation.number(), what);
    }

    /** A request that has no operation slot (abandon, unbind). */
    public static void request(Connection connection, long operationNumber, String what) {
        LOG.info("conn={} op={} {}", connection.number(), operationNumber, what);
    }

    static void result(Operation operation, ResultResponse response, boolean abandoned) {
        LdapResult result = response.getLdapResult();
        String text = result.getDiagnosticMessage() == null ? "" : result.getDiagnosticMessage();
        LOG.info("conn={} op={} RESULT tag={} err={} nentries={} etime={}{} text={}",
                operation.connection().number(), operation.number(), protocolTag(response),
                result.getResultCode().getResultCode(), operation.entriesSent(),
                seconds(operation.elapsedNanos()), abandoned ? " abandoned" : "", text);
    }

    /** The response's protocolOp tag number as slapd logs it (RFC 4511 APPLICATION tags). */
    private static int protocolTag(ResultResponse response) {
        return switch (response.getType()) {
            case BIND_RESPONSE -> 97;
            case SEARCH_RESULT_DONE -> 101;
            case MODIFY_RESPONSE -> 103;
            case ADD_RESPONSE -> 105;
            case DEL_RESPONSE -> 107;
            case MODIFYDN_RESPONSE -> 109;
            case COMPARE_RESPONSE -> 111;
            case EXTENDED_RESPONSE -> 120;
            default -> -1;
        };
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
