package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.store.StoreFixture.entry;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.LdapOperationException;
import org.larch.backend.index.IndexDirective;
import org.larch.backend.index.IndexKind;
import org.larch.backend.ops.AssertionControl;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.UpdateControls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Regression: an anonymous search with {@code (userPassword=secret)} returned the entry, revealing
 * the password one guess at a time. As slapd does, a filter item on an attribute the requester may
 * not read is Undefined, for the search filter, the assertion control and compare alike; with and
 * without an index on userPassword (index candidates are re-checked with the requester's filter).
 */
class SearchFilterAccessTest {
    private static final String SUFFIX = "dc=example,dc=com";
    private static final String ALICE = "uid=alice," + SUFFIX;

    @TempDir
    Path directory;

    private LarchDirectory larch;
    private Identity root;
    private Identity alice;

    @BeforeEach
    void open() throws Exception {
        root = new Identity(new Dn("cn=admin," + SUFFIX), true);
        alice = new Identity(new Dn(ALICE), false);
    }

    @AfterEach
    void close() {
        if (larch != null) {
            larch.close();
        }
    }

    @ParameterizedTest(name = "userPassword indexed: {0}")
    @ValueSource(booleans = {false, true})
    void aFilterOnAnUnreadableAttributeFindsNothing(boolean indexed) {
        openWithAlice(indexed);
        for (String filter : List.of("(userPassword=secret)", "(userPassword=*)", "(!(userPassword=wrong))",
                "(&(uid=alice)(userPassword=secret))", "(|(uid=nobody)(userPassword=secret))",
                "(userPassword:octetStringMatch:=secret)", "(:octetStringMatch:=secret)")) {
            assertEquals(List.of(), dns(Identity.anonymous(), filter), "anonymous " + filter);
            assertEquals(List.of(), dns(alice, filter), "a bound user " + filter);
        }
        assertEquals(List.of(ALICE), dns(Identity.anonymous(), "(|(uid=alice)(userPassword=secret))"),
                "an unreadable item is Undefined, not an error: the rest of the filter still decides");
    }

    @ParameterizedTest(name = "userPassword indexed: {0}")
    @ValueSource(booleans = {false, true})
    void theRootdnStillSearchesByPassword(boolean indexed) {
        openWithAlice(indexed);
        assertEquals(List.of(ALICE), dns(root, "(userPassword=secret)"));
        assertEquals(List.of(), dns(root, "(userPassword=wrong)"));
    }

    @Test
    void anAssertionOnAnUnreadableAttributeFails() {
        openWithAlice(false);
        LdapOperationException failed = assertThrows(LdapOperationException.class, () -> larch.search(
                Identity.anonymous(), Specs.search(ALICE, SearchScope.OBJECT, "(objectClass=*)")
                        .assertion("(userPassword=secret)").build(), new CollectingSink()));
        assertEquals(AssertionControl.ASSERTION_FAILED, failed.resultCode());
        CollectingSink sink = new CollectingSink();
        larch.search(root, Specs.search(ALICE, SearchScope.OBJECT, "(objectClass=*)")
                .assertion("(userPassword=secret)").build(), sink);
        assertEquals(List.of(ALICE), sink.dns());
    }

    @Test
    void comparingAnUnreadableAttributeIsRefused() throws Exception {
        openWithAlice(false);
        LdapOperationException refused = assertThrows(LdapOperationException.class, () -> larch.compare(
                Identity.anonymous(), new Dn(ALICE), "userPassword", "secret".getBytes(), UpdateControls.NONE));
        assertEquals(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, refused.resultCode());
        assertEquals(true, larch.compare(root, new Dn(ALICE), "userPassword", "secret".getBytes(), UpdateControls.NONE));
    }

    private void openWithAlice(boolean indexed) {
        List<IndexDirective> indexes = indexed
                ? List.of(new IndexDirective("userPassword", EnumSet.of(IndexKind.EQ, IndexKind.PRES)))
                : List.of();
        larch = LarchDirectory.open(new DirectorySettings(directory, 1L << 30, SUFFIX, "cn=admin," + SUFFIX, "secret",
                indexes, 0, 0, 1000, List.of(), 1, List.of(), List.of(), List.of(), "test"));
        larch.add(root, entry(ALICE, "objectClass", "inetOrgPerson", "uid", "alice", "cn", "Alice", "sn", "Liddell",
                "userPassword", "secret"), UpdateControls.NONE);
    }

    private List<String> dns(Identity who, String filter) {
        CollectingSink sink = new CollectingSink();
        SearchOutcome outcome = larch.search(who, Specs.search(SUFFIX, SearchScope.SUBTREE, filter).build(), sink);
        assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode(), filter);
        return sink.dns();
    }
}
