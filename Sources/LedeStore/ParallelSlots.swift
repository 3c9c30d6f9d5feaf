import Foundation

/// Values written by parallel workers, each to its own slot, and read once they are done.
final class ParallelSlots<Value>: @unchecked Sendable {
    private var storage: [Value]
    private let lock = NSLock()

    init(count: Int, empty: Value) { storage = Array(repeating: empty, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// The next chunk's analysis, handed from the thread that made it to the writer.
final class AheadSlot<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ empty: Value) { stored = empty }

    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
