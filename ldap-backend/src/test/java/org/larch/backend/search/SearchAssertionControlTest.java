package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.search.SearchFixture.SUFFIX;

import java.nio.file.Path;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.ops.AssertionControl;
import org.larch.backend.request.SearchOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a search ignored its assertion control (RFC 4528). The base entry must match the
 * assertion, else the search fails with assertionFailed (122) before any entry is sent; a missing base
 * is still noSuchObject.
 */
class SearchAssertionControlTest {
    private static final String PEOPLE = "ou=People," + SUFFIX;

    @TempDir
    Path directory;

    private SearchFixture fixture;

    @BeforeEach
    void open() {
        fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 1000));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBaseThatMatchesTheAssertionIsSearched() {
        CollectingSink sink = new CollectingSink();
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(),
                Specs.search(PEOPLE, SearchScope.ONELEVEL, "(uid=user.1)").assertion("(ou=people)").build(), sink);
        assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
        assertEquals(1, sink.entries.size());
    }

    @Test
    void aBaseThatDoesNotMatchFailsBeforeAnyEntryIsSent() {
        CollectingSink sink = new CollectingSink();
        LdapOperationException failed = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                Identity.anonymous(), Specs.search(PEOPLE, SearchScope.SUBTREE, "(objectClass=*)")
                        .assertion("(ou=groups)").build(), sink));
        assertEquals(AssertionControl.ASSERTION_FAILED, failed.resultCode());
        assertEquals(122, failed.resultCode().getResultCode());
        assertEquals(0, sink.entries.size());
    }

    @Test
    void anUndefinedAssertionFails() {
        LdapOperationException failed = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                Identity.anonymous(), Specs.search(PEOPLE, SearchScope.OBJECT, "(objectClass=*)")
                        .assertion("(noSuchAttribute=x)").build(), new CollectingSink()));
        assertEquals(AssertionControl.ASSERTION_FAILED, failed.resultCode());
    }

    @Test
    void aMissingBaseIsNoSuchObject() {
        LdapOperationException missing = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                Identity.anonymous(), Specs.search("ou=Nowhere," + SUFFIX, SearchScope.SUBTREE, "(objectClass=*)")
                        .assertion("(ou=groups)").build(), new CollectingSink()));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, missing.resultCode());
    }

    @Test
    void theRootDseAndTheSubschemaEntryAreCheckedToo() {
        for (String base : new String[] {"", "cn=Subschema"}) {
            LdapOperationException failed = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                    Identity.anonymous(), Specs.search(base, SearchScope.OBJECT, "(objectClass=*)")
                            .assertion("(objectClass=person)").build(), new CollectingSink()));
            assertEquals(AssertionControl.ASSERTION_FAILED, failed.resultCode(), base);
        }
    }
}
