package org.larch.protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.service.IoAcceptor;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.larch.backend.Directory;
import org.larch.protocol.codec.LdapCodecFactory;
import org.larch.protocol.handler.RequestDispatcher;
import org.larch.protocol.session.LdapSessionHandler;
import org.larch.protocol.tls.PemSslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LDAP front end: one MINA acceptor per {@code listen} URL ({@code ldap://} plain, {@code ldaps://}
 * TLS from the first byte), each with the LDAP API's codec and a session handler that dispatches to
 * one handler per operation. Talks to the directory only through {@link Directory}.
 */
public final class LdapServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LdapServer.class);
    private static final String CODEC_FILTER_NAME = "codec";
    private static final String TLS_FILTER_NAME = "tls";

    private final Directory directory;
    private final ProtocolSettings settings;
    private final List<IoAcceptor> acceptors = new ArrayList<>();
    private RequestDispatcher dispatcher;

    public LdapServer(Directory directory, ProtocolSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * Binds every listen URL. A port that cannot be bound or a bad TLS file is an
     * {@link IllegalStateException} naming the URL or file; nothing stays bound then.
     */
    public synchronized void start() {
        SSLContext tls = tlsContext();
        dispatcher = new RequestDispatcher(directory, tls);
        Semaphore connectionSlots = new Semaphore(settings.maxConnections() > 0 ? settings.maxConnections() : Integer.MAX_VALUE);
        try {
            for (var url : settings.listen()) {
                acceptors.add(listen(ListenAddress.parse(url), tls, connectionSlots));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The addresses actually bound, in {@code listen} order (port 0 becomes the chosen port). */
    public synchronized List<InetSocketAddress> boundAddresses() {
        return acceptors.stream().map(acceptor -> (InetSocketAddress) acceptor.getLocalAddress()).toList();
    }

    /** Stops listening, closes every connection and disposes the acceptors (their threads end). */
    @Override
    public synchronized void close() {
        for (IoAcceptor acceptor : acceptors) {
            acceptor.unbind();
            acceptor.getManagedSessions().values().forEach(session -> session.closeNow());
            acceptor.dispose(true);
        }
        acceptors.clear();
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
    }

    private SSLContext tlsContext() {
        if (settings.tlsCertificateFile() == null || settings.tlsKeyFile() == null) {
            return null;
        }
        try {
            return PemSslContext.load(settings.tlsCertificateFile(), settings.tlsKeyFile());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private IoAcceptor listen(ListenAddress address, SSLContext tls, Semaphore connectionSlots) {
        if (address.ldaps() && tls == null) {
            throw new IllegalStateException("listen URL " + address.url()
                    + " needs TLSCertificateFile and TLSCertificateKeyFile");
        }
        NioSocketAcceptor acceptor = new NioSocketAcceptor();
        acceptor.setReuseAddress(true);
        if (address.ldaps()) {
            acceptor.getFilterChain().addLast(TLS_FILTER_NAME, new SslFilter(tls));
        }
        acceptor.getFilterChain().addLast(CODEC_FILTER_NAME, new ProtocolCodecFilter(new LdapCodecFactory(settings.maxPduBytes())));
        acceptor.setHandler(new LdapSessionHandler(dispatcher, connectionSlots, settings.idleTimeoutSeconds(), address.ldaps()));
        try {
            acceptor.bind(address.socketAddress());
        } catch (IOException | RuntimeException e) {
            acceptor.dispose(true);
            throw new IllegalStateException("cannot listen on " + address.url() + ": " + e.getMessage(), e);
        }
        LOG.info("listening on {} ({})", address.url(), acceptor.getLocalAddress());
        return acceptor;
    }
}
