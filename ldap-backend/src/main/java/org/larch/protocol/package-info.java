/**
 * The LDAP front end: the MINA acceptor with the Apache Directory LDAP API codec, one handler per
 * operation, controls, extended operations, TLS and the access log. It talks to the directory only
 * through {@link org.larch.backend.Directory}; it never touches storage.
 *
 * <p>A request's path, top to bottom:
 * <ol>
 *   <li>{@link org.larch.protocol.LdapServer} binds one MINA acceptor per {@code listen} URL; an
 *       {@code ldaps://} acceptor has MINA's {@code SslFilter} first in its chain
 *       ({@link org.larch.protocol.tls.PemSslContext} builds the context from PEM files).</li>
 *   <li>{@link org.larch.protocol.codec.LdapPduDecoder} cuts the bytes into whole PDUs (refusing one
 *       over the size limit from its header) and has the LDAP API decode each; an AddRequest also gets
 *       its attribute order ({@link org.larch.protocol.codec.AddAttributeOrder}). A SearchRequest's
 *       filter and scope are decoded first by our own code
 *       ({@link org.larch.protocol.codec.SearchRequestRewrite}, {@link org.larch.protocol.codec.FilterDecoder}),
 *       since the API refuses valid ones (empty and/or, scope 3, some extensible and not filters).</li>
 *   <li>{@link org.larch.protocol.session.LdapSessionHandler} (MINA's handler) keeps a
 *       {@link org.larch.protocol.session.Connection} per session and passes each message to
 *       {@link org.larch.protocol.handler.RequestDispatcher}, which runs every request as an
 *       {@link org.larch.protocol.session.Operation} on its own virtual thread.</li>
 *   <li>One handler per operation ({@code BindHandler}, {@code SearchHandler}, {@code AddHandler},
 *       {@code ModifyHandler}, {@code DeleteHandler}, {@code ModifyDnHandler}, {@code CompareHandler},
 *       {@code ExtendedHandler} with {@code WhoAmIOperation}, {@code StartTlsOperation},
 *       {@code PasswordModifyOperation}) turns the request and its controls
 *       ({@link org.larch.protocol.control.RequestControls}) into a {@code Directory} call and the
 *       outcome into the response ({@link org.larch.protocol.control.ResponseControls}).</li>
 *   <li>Every request and result is one line of {@link org.larch.protocol.session.AccessLog}
 *       (logger {@code org.larch.access}), as slapd's {@code stats} level.</li>
 * </ol>
 */
package org.larch.protocol;
