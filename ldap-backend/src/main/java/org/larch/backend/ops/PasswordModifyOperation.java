package org.larch.backend.ops;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.auth.PasswordHashes;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.EntryModification;
import org.larch.backend.store.DnNames;

/**
 * The Password Modify extended operation (RFC 3062), in one write transaction: a bound user changes
 * its own password, the rootdn anyone's. When the old password is given it must match one of the
 * entry's values (UNWILLING_TO_PERFORM "unwilling to verify old password", as slapd says); when no new
 * password is given one is generated (16 random letters and digits; slapd makes 8) and returned. The
 * new password replaces every userPassword value, stored as {@code {SSHA}}. Anonymous callers get
 * STRONG_AUTH_REQUIRED, as from slapd.
 */
public final class PasswordModifyOperation {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OperationContext context;
    private final ModifyOperation modify;
    private final AttributeType userPassword;

    public PasswordModifyOperation(OperationContext context) {
        this.context = context;
        this.modify = new ModifyOperation(context);
        this.userPassword = context.schema().requireAttributeType("userPassword");
    }

    /**
     * @param target the entry, or null for the caller's own
     * @param newPassword null or empty to have one generated (slapd treats an empty one so too)
     * @return the generated password, or null when the caller gave one
     */
    public byte[] run(Identity who, Dn target, byte[] oldPassword, byte[] newPassword) {
        if (who.isAnonymous()) {
            throw new LdapOperationException(ResultCodeEnum.STRONG_AUTH_REQUIRED,
                    "only authenticated users may change passwords");
        }
        Dn dn = DnNames.schemaAware(context.schema().schemaManager(), target == null ? who.dn() : target);
        AccessPolicy.requireWrite(who, dn);
        boolean generating = newPassword == null || newPassword.length == 0;
        byte[] password = generating ? generate() : newPassword;
        try (UpdateTransaction update = new UpdateTransaction(context)) {
            DirectoryEntry before = update.writer().requireEntry(dn);
            if (oldPassword != null && !holdsPassword(before, oldPassword)) {
                throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM, "unwilling to verify old password");
            }
            modify.change(update, who, before, List.of(replacement(password)));
            update.commit();
        }
        return generating ? password : null;
    }

    private boolean holdsPassword(DirectoryEntry entry, byte[] password) {
        for (EntryAttribute attribute : entry.ofType(userPassword)) {
            for (byte[] stored : attribute.values()) {
                if (PasswordHashes.verify(stored, password)) {
                    return true;
                }
            }
        }
        return false;
    }

    private EntryModification replacement(byte[] password) {
        return new EntryModification(ModificationOperation.REPLACE_ATTRIBUTE,
                AttributeDescription.parse(userPassword.getName()), List.of(PasswordHashes.hash(password)));
    }

    private static byte[] generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString().getBytes(StandardCharsets.UTF_8);
    }
}
