import Foundation
import GRDB
import GRDBSQLite

/// Checkpoints the write-ahead log on a thread of its own while a long run of writes (a refresh)
/// goes on, instead of on the writer after the commit that fills the log.
///
/// A checkpoint copies the whole log into the main file and syncs both; on the writer, every
/// write behind it waited for that (a tenth of a second and more on a busy disk). Here the
/// writer's commit only wakes the checkpointing thread, which copies what is committed while the
/// writer goes on appending. Once the copy has caught up, the writer's next transaction starts
/// the log over, as after a checkpoint of its own, so the log stays about as large as before.
///
/// Bounded: should the log still grow past `Library.walHardLimitPages` (the thread cannot keep
/// up, or cannot open the file), the writer waits for the thread's checkpoint, if one runs, and
/// checkpoints itself, as SQLite would, so the log holds at most that and one more commit.
/// Nothing about durability changes: commits go to the log as before (`synchronous` as the
/// library sets it), and a checkpoint cut short by a crash is finished by the next one.
public final class BackgroundCheckpoints: @unchecked Sendable {
    private let library: Library
    private let condition = NSCondition()
    /// Held by whoever checkpoints: the writer, past the hard limit, waits for the thread's
    /// checkpoint to end rather than fail to start its own (only one runs at a time).
    private let checkpointing = NSLock()
    private var requested = false
    private var stopping = false
    /// The writer's own checkpoints past the hard limit, counted under `checkpointing`.
    private var writerCheckpoints = 0
    private var installed = false
    /// Log size, in pages, from which a commit asks for a checkpoint.
    let threshold: Int32
    let hardLimit: Int32

    init(library: Library, threshold: Int32, hardLimit: Int32) {
        self.library = library
        self.threshold = threshold
        self.hardLimit = hardLimit
    }

    /// Takes the checkpoints over from the writer connection and starts the thread.
    func start() {
        let path = library.path
        let thread = Thread { [self] in self.run(path: path) }
        thread.name = "lede checkpoints"
        thread.stackSize = 256 * 1024
        // The hook holds this object until `finish` puts the writer's own checkpoints back.
        let context = Unmanaged.passRetained(self).toOpaque()
        library.pool.writeWithoutTransaction { db in
            _ = sqlite3_wal_hook(db.sqliteConnection, backgroundCheckpointHook, context)
        }
        installed = true
        thread.start()
    }

    /// The writer checkpoints itself again; the thread ends once a checkpoint it is running ends.
    /// Does not wait for that, so the last checkpoint does not hold up what follows.
    public func finish() {
        condition.lock()
        let wasInstalled = installed
        installed = false
        stopping = true
        condition.signal()
        condition.unlock()
        guard wasInstalled else { return }
        // Setting the automatic checkpoint replaces this object's hook with SQLite's own.
        try? library.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Library.walAutocheckpointPages)")
        }
        Unmanaged.passUnretained(self).release()
    }

    /// After each commit, on the writer's thread, with the log's size in pages.
    fileprivate func committed(pages: Int32, connection: OpaquePointer?, name: UnsafePointer<CChar>?) {
        if pages >= hardLimit {
            // Nothing is committed meanwhile, so this copies the whole log and the next
            // transaction starts it over (unless a reader still needs it, as without this class).
            checkpointing.withLock {
                _ = sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                writerCheckpoints += 1
            }
            // A request made before has nothing left to copy. Run now, it would hold the log's
            // locks just as the writer's next transaction tries to start the log over, and the log
            // would grow on past the limit.
            condition.lock()
            requested = false
            condition.unlock()
        } else if pages >= threshold {
            condition.lock()
            requested = true
            condition.signal()
            condition.unlock()
        }
    }

    private func run(path: String) {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            // The writer's hard limit still bounds the log.
            sqlite3_close(connection)
            return
        }
        defer { sqlite3_close(connection) }
        // As the library's own connections sync: the log before copying, the file after.
        sqlite3_exec(connection, "PRAGMA synchronous = NORMAL", nil, nil, nil)
        while true {
            condition.lock()
            while !requested && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                return
            }
            requested = false
            condition.unlock()
            let writerCheckpointsBefore = checkpointing.withLock { writerCheckpoints }
            // PASSIVE: copies what no reader still needs and never waits for the writer; what is
            // left goes with the next request. Skipped when the writer checkpointed meanwhile (past
            // the hard limit): the log is copied, and the writer's next transaction starts it over.
            checkpointing.withLock {
                guard writerCheckpoints == writerCheckpointsBefore else { return }
                _ = sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
        }
    }
}

private func backgroundCheckpointHook(context: UnsafeMutableRawPointer?, connection: OpaquePointer?,
                                      name: UnsafePointer<CChar>?, pages: Int32) -> Int32 {
    guard let context else { return SQLITE_OK }
    Unmanaged<BackgroundCheckpoints>.fromOpaque(context).takeUnretainedValue()
        .committed(pages: pages, connection: connection, name: name)
    return SQLITE_OK
}

extension Library {
    /// Pages of log after which a commit checkpoints (the writer itself, or `BackgroundCheckpoints`).
    static let walAutocheckpointPages: Int32 = 16000
    /// Pages of log after which the writer checkpoints even while `BackgroundCheckpoints` runs.
    static let walHardLimitPages: Int32 = 4 * walAutocheckpointPages

    /// Checkpoints on a thread of their own until `finish()`, for a refresh's many commits; nil
    /// for a read-only library.
    public func checkpointInBackground() -> BackgroundCheckpoints? {
        checkpointInBackground(threshold: Self.walAutocheckpointPages, hardLimit: Self.walHardLimitPages)
    }

    func checkpointInBackground(threshold: Int32, hardLimit: Int32) -> BackgroundCheckpoints? {
        guard !pool.configuration.readonly else { return nil }
        let checkpoints = BackgroundCheckpoints(library: self, threshold: threshold, hardLimit: hardLimit)
        checkpoints.start()
        return checkpoints
    }
}
