/// The article's surface keys (a name's words lower-cased, runs of white space made one space: see
/// `NERDocument.key(of:)`), each known by its scalars. A span's key is found from the body's
/// scalars without a string: building a string per span and hashing it into a dictionary was most
/// of the cost of giving spans their ids, and nearly every span's key is new. The string of a key
/// is built only when asked for (`name`).
///
/// Keys are equal when their strings are, which is canonical equivalence, not equal scalars. For
/// the scalars `isPlain` accepts the two agree: each such scalar is a starter whose canonical
/// decomposition is itself or itself's one base letter followed by combining marks, and no two
/// of them decompose alike, so two sequences of them with one decomposed form are the same
/// sequence. A key with any other scalar (a combining mark, Greek, Hangul …) makes the table find
/// every key by its string from then on, as a dictionary of strings did before.
///
/// A class, referenced by one field of the document: the document is copied at call sites, and
/// every field more was more to copy. Its fields are not checked for exclusive access at run time:
/// only its own methods change them, none while another runs, and the checks (a thread-local
/// look-up each) cost more than the table itself.
final class NERKeyTable {
    /// A key: its scalars at `scalars[start..<end]`, and its hash.
    struct Entry {
        var hash: UInt64
        var start: Int
        var end: Int
        /// The article shows it to be a title of a work or the like: never a person or organization.
        var notName: Bool
    }

    /// Every key's scalars, one after another; a candidate key's are written after them, and
    /// stay there if it is new.
    @exclusivity(unchecked) private(set) var scalars: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private(set) var entries: [Entry] = []
    /// Open addressing on the hashes: key id + 1 per slot, 0 for an empty one.
    @exclusivity(unchecked) private var slots: [Int32]
    @exclusivity(unchecked) private var mask: Int
    /// The keys' strings, those built so far (grown as they are asked for).
    @exclusivity(unchecked) private var names: [String?] = []
    @exclusivity(unchecked) private(set) var anyNotName = false
    /// All keys plain (`isPlain`): found by their scalars. Once one is not, by `byString`.
    @exclusivity(unchecked) private var plain = true
    @exclusivity(unchecked) private var byString: [String: Int] = [:]

    init() {
        slots = [Int32](repeating: 0, count: 128)
        mask = 127
        entries.reserveCapacity(64)
        capacity = 1024
        scalars = .allocate(capacity: capacity)
    }

    deinit { scalars.deallocate() }

    var count: Int { entries.count }

    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool { v < 0x300 || (v >= 0x2010 && v < 0x2030) }

    /// Room for a candidate of `n` scalars after the keys.
    @inline(__always)
    private func reserve(_ n: Int) {
        if used + n > capacity { grow(used + n) }
    }

    private func grow(_ needed: Int) {
        var size = 2 * capacity
        while size < needed { size *= 2 }
        let new = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
        new.update(from: scalars, count: used)
        scalars.deallocate()
        scalars = new
        capacity = size
    }

    /// The id of the key of `s[from..<to]`: its scalars lower-cased, runs of white space made one
    /// space, as `NERDocument.string(_:_:_:lower: true)` encodes them. A new id the first time,
    /// or -1 when `insert` is false.
    func id(_ s: UnsafeBufferPointer<UInt32>, _ from: Int, _ to: Int, insert: Bool = true) -> Int {
        reserve(to - from)
        let out = scalars + used
        var n = 0, h = NERText.fnvOffset, space = false, plainKey = true
        var i = from
        // Printable ASCII and single spaces (nearly every name) in a loop of their own, with no
        // look-up of a property: the same steps as the loop after it takes for these scalars.
        while i < to {
            let v = s[i]
            if v == 32 {
                space = true
                i &+= 1
                continue
            }
            guard v > 32, v < 0x80 else { break }
            if space {
                out[n] = 32; n &+= 1
                h = (h ^ 32) &* NERText.fnvPrime
                space = false
            }
            let l = v &- 65 < 26 ? v &+ 32 : v
            out[n] = l; n &+= 1
            h = (h ^ UInt64(l)) &* NERText.fnvPrime
            i &+= 1
        }
        while i < to {
            var v = s[i]
            i &+= 1
            if NERText.isSpace(v) { space = true; continue }
            if space {
                out[n] = 32; n += 1
                h = (h ^ 32) &* NERText.fnvPrime
                space = false
            }
            v = NERText.lowered(v)
            if v >= 0x300 {
                if (v >= 0xD800 && v < 0xE000) || v >= 0x110000 { v = 0xFFFD }
                if !Self.isPlain(v) { plainKey = false }
            }
            out[n] = v; n += 1
            h = (h ^ UInt64(v)) &* NERText.fnvPrime
        }
        return find(n, nerMix(h), plainKey, name: nil, insert: insert)
    }

    /// The id of the key that is the string `text`, a new one the first time, or -1 when
    /// `insert` is false.
    func id(of text: String, insert: Bool) -> Int {
        let room = text.utf8.count
        reserve(room)
        let out = scalars + used
        let n = NERDocument.decodeScalars(text, into: UnsafeMutableBufferPointer(start: out, count: room))
        var h = NERText.fnvOffset, plainKey = true
        for i in 0..<n {
            let v = out[i]
            if !Self.isPlain(v) { plainKey = false }
            h = (h ^ UInt64(v)) &* NERText.fnvPrime
        }
        return find(n, nerMix(h), plainKey, name: text, insert: insert)
    }

    /// The key of the candidate's `n` scalars (after the keys'), of hash `h`.
    private func find(_ n: Int, _ h: UInt64, _ plainKey: Bool, name: String?, insert: Bool) -> Int {
        if plain && !plainKey { leavePlain() }
        let candidate = scalars + used
        if !plain {
            let text = name ?? NERDocument.string(UnsafeBufferPointer(start: candidate, count: n), 0, n, lower: false)
            if let id = byString[text] { return id }
            guard insert else { return -1 }
            let id = add(n, h, text)
            byString[text] = id
            return id
        }
        let found: Int = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = Int(slots[i])
                    if slot == 0 { return -1 - i }
                    let e = entries[slot - 1]
                    if e.hash == h, e.end - e.start == n {
                        var same = true
                        for d in 0..<n where scalars[e.start + d] != candidate[d] {
                            same = false
                            break
                        }
                        if same { return slot - 1 }
                    }
                    i = (i + 1) & mask
                }
            }
        }
        if found >= 0 { return found }
        guard insert else { return -1 }
        let id = add(n, h, name)
        slots[-1 - found] = Int32(id + 1)
        if 2 * count > mask + 1 { rehash() }
        return id
    }

    /// The candidate made a key.
    private func add(_ n: Int, _ h: UInt64, _ name: String?) -> Int {
        let id = entries.count
        entries.append(Entry(hash: h, start: used, end: used + n, notName: false))
        used += n
        if let name { setName(id, name) }
        return id
    }

    private func setName(_ id: Int, _ name: String) {
        if names.count <= id { names.append(contentsOf: repeatElement(nil, count: id + 1 - names.count)) }
        names[id] = name
    }

    private func rehash() {
        let size = 2 * (mask + 1)
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
        for id in entries.indices {
            var i = Int(truncatingIfNeeded: entries[id].hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(id + 1)
        }
    }

    /// From here on keys are found by their strings (see the type's comment).
    private func leavePlain() {
        plain = false
        for id in entries.indices { byString[name(id)] = id }
    }

    /// The key's string.
    func name(_ id: Int) -> String {
        if id < names.count, let name = names[id] { return name }
        let e = entries[id]
        let name = NERDocument.string(UnsafeBufferPointer(start: scalars, count: used), e.start, e.end, lower: false)
        setName(id, name)
        return name
    }

    /// `NERText.hashLower` of the key's string.
    func hashLower(_ id: Int) -> UInt64 {
        var h = NERText.fnvOffset
        let e = entries[id]
        for i in e.start..<e.end { h = (h ^ UInt64(NERText.lowered(scalars[i]))) &* NERText.fnvPrime }
        return nerMix(h)
    }

    func markNotName(_ id: Int) {
        entries[id].notName = true
        anyNotName = true
    }

    @inline(__always)
    func isNotName(_ id: Int) -> Bool { entries[id].notName }
}
