package org.larch.backend.store;

import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.larch.backend.entry.AttributeDescription;

/**
 * {@link DescriptionIds} for the entries one writer stores: entries of a bulk load mostly repeat one
 * attribute layout, so it remembers the description text and id at each position of the entry before,
 * and a text equal to the one remembered there takes that id without a dictionary lookup (no hashing).
 * Others ask {@code dictionary} and are remembered in turn. Ids never change within a writer: a
 * committed id is permanent, and a pending one lives as long as the writer's transaction (and this).
 */
final class RepeatedLayoutIds implements DescriptionIds {
    private final ToIntFunction<AttributeDescription> dictionary;
    private String[] texts = new String[32];
    private int[] ids = new int[32];

    RepeatedLayoutIds(ToIntFunction<AttributeDescription> dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public int idOf(int position, AttributeDescription description) {
        if (position >= texts.length) {
            texts = Arrays.copyOf(texts, Math.max(texts.length * 2, position + 1));
            ids = Arrays.copyOf(ids, texts.length);
        }
        String text = description.text();
        if (!text.equals(texts[position])) {
            ids[position] = dictionary.applyAsInt(description);
            texts[position] = text;
        }
        return ids[position];
    }
}
