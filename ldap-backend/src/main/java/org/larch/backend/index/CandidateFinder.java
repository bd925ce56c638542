package org.larch.backend.index;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ApproximateNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.LeafNode;
import org.apache.directory.api.ldap.model.filter.LessEqNode;
import org.apache.directory.api.ldap.model.filter.ObjectClassNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.filter.SimpleNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;
import org.apache.directory.api.ldap.model.filter.UndefinedNode;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.schema.DirectorySchema;
import org.larch.storage.Txn;

/**
 * A filter's candidate ids from the indexes, a superset of the entries the filter matches (null:
 * the indexes cannot narrow it down, so every entry in scope is a candidate). AND intersects its
 * children's sets (null children are left out), OR unions them (any null child makes it null), NOT,
 * extensible match and items on unindexed attributes are null. An item that is Undefined (unknown
 * attribute type, an assertion value invalid for the syntax, {@code >=} or {@code <=} on an indexed
 * type without an ORDERING rule) matches nothing: the empty set.
 */
final class CandidateFinder {
    private final DirectorySchema schema;
    private final MatchingRules rules;
    private final IndexKeyMaker keyMaker;
    private final IdListReader reader;
    private final Map<String, IndexedAttribute> byOid;

    CandidateFinder(DirectorySchema schema, MatchingRules rules, IndexKeyMaker keyMaker, IdListReader reader,
            Map<String, IndexedAttribute> byOid) {
        this.schema = schema;
        this.rules = rules;
        this.keyMaker = keyMaker;
        this.reader = reader;
        this.byOid = byOid;
    }

    IdSet candidates(Txn txn, ExprNode filter) {
        return switch (filter) {
            case null -> IdSet.empty();
            case AndNode and -> intersection(txn, and.getChildren());
            case OrNode or -> union(txn, or.getChildren());
            case UndefinedNode undefined -> IdSet.empty();
            case ObjectClassNode everyEntry -> null;
            case ExtensibleNode extensible -> null;
            case LeafNode item -> item(txn, item);
            default -> null;
        };
    }

    private IdSet intersection(Txn txn, List<ExprNode> children) {
        IdSet result = null;
        for (ExprNode child : children == null ? List.<ExprNode>of() : children) {
            IdSet candidates = candidates(txn, child);
            if (candidates != null) {
                result = result == null ? candidates : result.intersect(candidates);
                if (result.isEmpty()) {
                    return result;
                }
            }
        }
        return result;
    }

    private IdSet union(Txn txn, List<ExprNode> children) {
        IdSet result = IdSet.empty();
        for (ExprNode child : children == null ? List.<ExprNode>of() : children) {
            IdSet candidates = candidates(txn, child);
            if (candidates == null) {
                return null;
            }
            result = result.union(candidates);
        }
        return result;
    }

    private IdSet item(Txn txn, LeafNode item) {
        AttributeType type = resolve(item);
        if (type == null) {
            return IdSet.empty();
        }
        IndexedAttribute index = byOid.get(type.getOid());
        if (index == null || !index.ready()) {
            return null;
        }
        try {
            return lookup(txn, index, item);
        } catch (LdapOperationException invalidAssertion) {
            return IdSet.empty();
        }
    }

    private IdSet lookup(Txn txn, IndexedAttribute index, LeafNode item) {
        AttributeType type = index.type();
        return switch (item) {
            case PresenceNode presence -> has(index, IndexKind.PRES)
                    ? reader.read(txn, index.dbi(), IndexKey.present()) : null;
            case SubstringNode substring -> all(txn, index, keyMaker.substringKeys(type, index.kinds(),
                    substring.getInitial(), substring.getAny(), substring.getFinal()));
            case EqualityNode<?> equality -> has(index, IndexKind.EQ) && rules.hasEquality(type)
                    ? reader.read(txn, index.dbi(), keyMaker.equalityKey(type, bytes(equality))) : null;
            case GreaterEqNode<?> greater -> atLeast(txn, index, bytes(greater));
            case LessEqNode<?> less -> atMost(txn, index, bytes(less));
            case ApproximateNode<?> approx -> has(index, IndexKind.APPROX) && rules.hasEquality(type)
                    ? all(txn, index, keyMaker.approxKeys(type, bytes(approx))) : null;
            default -> null;
        };
    }

    private IdSet atLeast(Txn txn, IndexedAttribute index, byte[] assertion) {
        if (!rules.hasOrderingRule(index.type())) {
            return IdSet.empty(); // Undefined (RFC 4511 4.5.1.7.3): no ORDERING rule
        }
        if (!orderedEquality(index)) {
            return null;
        }
        byte[] from = keyMaker.equalityKey(index.type(), assertion).bytes();
        return reader.scan(txn, index.dbi(), from, new byte[] {IndexKey.EQUALITY + 1});
    }

    private IdSet atMost(Txn txn, IndexedAttribute index, byte[] assertion) {
        if (!rules.hasOrderingRule(index.type())) {
            return IdSet.empty(); // Undefined (RFC 4511 4.5.1.7.4): no ORDERING rule
        }
        if (!orderedEquality(index)) {
            return null;
        }
        byte[] upTo = keyMaker.equalityKey(index.type(), assertion).bytes();
        byte[] justAfter = Arrays.copyOf(upTo, upTo.length + 1);
        return reader.scan(txn, index.dbi(), new byte[] {IndexKey.EQUALITY}, justAfter);
    }

    private boolean orderedEquality(IndexedAttribute index) {
        return has(index, IndexKind.EQ) && rules.equalityKeysAreOrdered(index.type());
    }

    /** The intersection of the ids under every key; null when there is no key to look up. */
    private IdSet all(Txn txn, IndexedAttribute index, List<IndexKey> keys) {
        IdSet result = null;
        for (IndexKey key : keys) {
            IdSet ids = reader.read(txn, index.dbi(), key);
            result = result == null ? ids : result.intersect(ids);
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    private AttributeType resolve(LeafNode item) {
        if (item.getAttributeType() != null) {
            return item.getAttributeType();
        }
        if (item.getAttribute() == null) {
            return null;
        }
        return schema.attributeType(AttributeDescription.parse(item.getAttribute()).type());
    }

    private static boolean has(IndexedAttribute index, IndexKind kind) {
        return index.kinds().contains(kind);
    }

    private static byte[] bytes(SimpleNode<?> item) {
        return item.getValue().getBytes();
    }
}
