package org.larch.storage.io;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The lock file ({@code larch.lock}), mapped read-write and shared by every process that has the
 * environment open: a header, then one slot per reader. Integers are little-endian; every field that
 * another process reads while it changes is an 8-byte-aligned long accessed atomically
 * ({@code getVolatile}, {@code setVolatile}, {@code compareAndSet}), so readers take no lock.
 *
 * <pre>
 * offset | size | field              | meaning
 * -------+------+--------------------+-----------------------------------------------------------
 *      0 |    8 | magic              | ASCII "LARCHLCK" (4C 41 52 43 48 4C 43 4B)
 *      8 |    4 | formatVersion      | 1
 *     12 |    4 | readerSlots        | number of reader slots (maxreaders of the first opener)
 *     16 |    8 | lastTxnId          | the last committed transaction, set after its meta page is written
 *     24 |   40 | reserved           | 0 (keeps lastTxnId's cache line apart from writerPid's)
 *     64 |    8 | writerPid          | process holding the write transaction; 0 when none. Found set
 *        |      |                    | by the next writer, it means a writer died mid-transaction
 *     72 |    1 | setupLockByte      | never read or written: file-locked (exclusive) while a process opens
 *     73 |    1 | openLockByte       | never read or written: file-locked (shared) by each process with the
 *        |      |                    | environment open; an exclusive lock on it means "nobody else"
 *     74 |    1 | writerLockByte     | never read or written: file-locked (exclusive) by the writer
 *     75 |   53 | reserved           | 0
 *    128 | 64×n | reader slots       | n = readerSlots; slot i at 128 + 64 × i, laid out as below
 *
 * reader slot (64 bytes, one cache line, so readers of neighbouring slots do not share a line):
 *      0 |    8 | ownerPid           | 0: free; > 0: the owning process; < 0: being cleared by the
 *        |      |                    | process -ownerPid (stale-reader check)
 *      8 |    8 | ownerStartMillis   | the owner's process start time (ms since the epoch), telling a
 *        |      |                    | reused pid apart; 0 while the slot is being taken, or unknown
 *     16 |    8 | ownerId            | the owner within its process (the reader's thread id)
 *     24 |    8 | snapshot           | the pinned snapshot's transaction id + 1; 0: pins nothing
 *     32 |   32 | reserved           | 0
 * </pre>
 *
 * The slot's ownerPid is the claim: a process takes a free slot by compare-and-set 0 → its pid, then
 * fills in the rest; it gives it back by clearing the rest, then the pid.
 */
public final class LockFileMapping {
    public static final int FORMAT_VERSION = 1;
    public static final int HEADER_BYTES = 128;
    public static final int SLOT_BYTES = 64;
    /** Lock-file byte locked exclusively while a process opens the environment. */
    public static final long SETUP_LOCK_BYTE = 72;
    /** Lock-file byte each process holding the environment open locks shared. */
    public static final long OPEN_LOCK_BYTE = 73;
    /** Lock-file byte the process holding the write transaction locks exclusively. */
    public static final long WRITER_LOCK_BYTE = 74;

    static final byte[] MAGIC = "LARCHLCK".getBytes(StandardCharsets.US_ASCII);
    static final long VERSION_OFFSET = 8;
    static final long SLOTS_OFFSET = 12;
    static final long LAST_TXN_ID_OFFSET = 16;
    static final long WRITER_PID_OFFSET = 64;
    static final long SLOT_PID = 0;
    static final long SLOT_START_MILLIS = 8;
    static final long SLOT_OWNER_ID = 16;
    static final long SLOT_SNAPSHOT = 24;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    private final MemorySegment segment;
    private final int slotCount;

    private LockFileMapping(MemorySegment segment, int slotCount) {
        this.segment = segment;
        this.slotCount = slotCount;
    }

    /** Bytes of a lock file with {@code slots} reader slots. */
    public static long sizeBytes(int slots) {
        return HEADER_BYTES + (long) slots * SLOT_BYTES;
    }

    /** Writes a fresh header for {@code slots} readers into {@code segment} and clears every slot. */
    public static LockFileMapping initialize(MemorySegment segment, int slots) {
        requireSize(segment, slots);
        segment.asSlice(0, sizeBytes(slots)).fill((byte) 0);
        MemorySegment.copy(MAGIC, 0, segment, ValueLayout.JAVA_BYTE, 0, MAGIC.length);
        segment.set(INT, VERSION_OFFSET, FORMAT_VERSION);
        segment.set(INT, SLOTS_OFFSET, slots);
        VarHandle.fullFence();
        return new LockFileMapping(segment, slots);
    }

    /** An initialized table in memory, private to this process (for tests of the reader table). */
    public static LockFileMapping inMemory(int slots) {
        return initialize(Arena.ofAuto().allocate(sizeBytes(slots), SLOT_BYTES), slots);
    }

    /** Wraps a lock file another process initialized; check {@link #problem()} before using it. */
    public static LockFileMapping existing(MemorySegment segment) {
        int slots = segment.byteSize() >= HEADER_BYTES ? segment.get(INT, SLOTS_OFFSET) : 0;
        return new LockFileMapping(segment, slots);
    }

    /** What makes this lock file unusable (wrong magic, version or size), or null when it is fine. */
    public String problem() {
        if (segment.byteSize() < HEADER_BYTES
                || MemorySegment.mismatch(segment, 0, MAGIC.length, MemorySegment.ofArray(MAGIC), 0, MAGIC.length) >= 0) {
            return "not a Larch lock file (no LARCHLCK magic)";
        }
        int version = segment.get(INT, VERSION_OFFSET);
        if (version != FORMAT_VERSION) {
            return "lock file format version " + version + ", this code knows version " + FORMAT_VERSION;
        }
        if (slotCount < 1 || segment.byteSize() < sizeBytes(slotCount)) {
            return "lock file of " + segment.byteSize() + " bytes cannot hold its " + slotCount + " reader slots";
        }
        return null;
    }

    public int slotCount() {
        return slotCount;
    }

    public long lastTxnId() {
        return (long) LONG.getVolatile(segment, LAST_TXN_ID_OFFSET);
    }

    public void setLastTxnId(long txnId) {
        LONG.setVolatile(segment, LAST_TXN_ID_OFFSET, txnId);
    }

    public long writerPid() {
        return (long) LONG.getVolatile(segment, WRITER_PID_OFFSET);
    }

    public void setWriterPid(long pid) {
        LONG.setVolatile(segment, WRITER_PID_OFFSET, pid);
    }

    // ---- reader slots ----

    public long ownerPid(int slot) {
        return (long) LONG.getVolatile(segment, slotOffset(slot) + SLOT_PID);
    }

    public boolean compareAndSetOwnerPid(int slot, long expected, long pid) {
        return LONG.compareAndSet(segment, slotOffset(slot) + SLOT_PID, expected, pid);
    }

    /** Sets the owner pid after the slot's other fields (a release store: they are visible first). */
    public void setOwnerPid(int slot, long pid) {
        LONG.setRelease(segment, slotOffset(slot) + SLOT_PID, pid);
    }

    public long ownerStartMillis(int slot) {
        return (long) LONG.getVolatile(segment, slotOffset(slot) + SLOT_START_MILLIS);
    }

    public long ownerId(int slot) {
        return (long) LONG.getVolatile(segment, slotOffset(slot) + SLOT_OWNER_ID);
    }

    /**
     * Fills in (or clears) the owner of a slot whose pid is set. Release stores: nothing waits on
     * them, and a stale-reader check takes an unknown start time for a live process.
     */
    public void setOwner(int slot, long startMillis, long ownerId) {
        long base = slotOffset(slot);
        LONG.setRelease(segment, base + SLOT_START_MILLIS, startMillis);
        LONG.setRelease(segment, base + SLOT_OWNER_ID, ownerId);
    }

    /** The snapshot pinned in {@code slot}, or -1 when it pins none. */
    public long snapshot(int slot) {
        return (long) LONG.getVolatile(segment, slotOffset(slot) + SLOT_SNAPSHOT) - 1;
    }

    /**
     * Pins {@code txnId} in {@code slot}: a volatile store, ordered before the reader's next read of
     * the newest transaction id, so a writer that could reuse the snapshot's pages sees the pin.
     */
    public void setSnapshot(int slot, long txnId) {
        LONG.setVolatile(segment, slotOffset(slot) + SLOT_SNAPSHOT, txnId + 1);
    }

    /** Stops pinning: a release store (unpinning late only delays reuse). */
    public void clearSnapshot(int slot) {
        LONG.setRelease(segment, slotOffset(slot) + SLOT_SNAPSHOT, 0L);
    }

    private long slotOffset(int slot) {
        if (slot < 0 || slot >= slotCount) {
            throw new IndexOutOfBoundsException("reader slot " + slot + " of " + slotCount);
        }
        return HEADER_BYTES + (long) slot * SLOT_BYTES;
    }

    private static void requireSize(MemorySegment segment, int slots) {
        if (slots < 1 || segment.byteSize() < sizeBytes(slots)) {
            throw new IllegalArgumentException(segment.byteSize() + " bytes cannot hold " + slots + " reader slots");
        }
    }
}
