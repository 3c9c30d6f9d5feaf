import Foundation

/// A small evaluator for the Python expressions in feedparser's `Expect:` lines, covering the
/// shapes its test files use: `and`/`or`/`not`, `==`/`!=`/`in`, subscripts, `.get`, `len`, literals.
/// Anything else (or a key lede does not keep) throws `PyUnsupported`, and the case is skipped.
indirect enum PyValue: Equatable {
    case str(String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case none
    case list([PyValue])
    case dict([String: PyValue])

    var truthy: Bool {
        switch self {
        case .str(let s): return !s.isEmpty
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .bool(let b): return b
        case .none: return false
        case .list(let l): return !l.isEmpty
        case .dict(let d): return !d.isEmpty
        }
    }
}

struct PyUnsupported: Error, CustomStringConvertible {
    var description: String
}

struct PyEvaluator {
    /// Compares lede's plain text with feedparser's (possibly HTML) string.
    var stringsMatch: (String, String) -> Bool
    var names: [String: PyValue]

    func evaluate(_ source: String) throws -> Bool {
        var parser = Parser(tokens: try tokenize(source), evaluator: self)
        let value = try parser.orExpr()
        guard parser.atEnd else { throw PyUnsupported(description: "trailing tokens in \(source)") }
        return value.truthy
    }

    fileprivate func equal(_ a: PyValue, _ b: PyValue) -> Bool {
        switch (a, b) {
        case let (.str(x), .str(y)): return stringsMatch(x, y)
        case let (.int(x), .float(y)), let (.float(y), .int(x)): return Double(x) == y
        case let (.bool(x), .int(y)), let (.int(y), .bool(x)): return (x ? 1 : 0) == y
        case let (.list(x), .list(y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default: return a == b
        }
    }

    enum Token: Equatable {
        case name(String), str(String), num(Double, isInt: Bool), op(String)
    }

    private func tokenize(_ s: String) throws -> [Token] {
        let chars = Array(s.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c.properties.isAlphabetic || c == "_" {
                var j = i
                while j < chars.count, chars[j].properties.isAlphabetic || chars[j] == "_" || ("0"..."9").contains(chars[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(chars[i..<j]))
                if ["u", "r", "b"].contains(word), j < chars.count, chars[j] == "'" || chars[j] == "\"" {
                    i = j
                    continue
                }
                tokens.append(.name(word))
                i = j
                continue
            }
            if ("0"..."9").contains(c) || (c == "-" && i + 1 < chars.count && ("0"..."9").contains(chars[i + 1])
                                            && (tokens.last.map { if case .op = $0 { return true } else { return false } } ?? true)) {
                var j = i + 1
                while j < chars.count, ("0"..."9").contains(chars[j]) || chars[j] == "." { j += 1 }
                let text = String(String.UnicodeScalarView(chars[i..<j]))
                guard let value = Double(text) else { throw PyUnsupported(description: "number \(text)") }
                tokens.append(.num(value, isInt: !text.contains(".")))
                i = j
                continue
            }
            if c == "'" || c == "\"" {
                let quote = c
                var j = i + 1
                var out = String.UnicodeScalarView()
                while j < chars.count, chars[j] != quote {
                    if chars[j] == "\\", j + 1 < chars.count {
                        let e = chars[j + 1]
                        j += 2
                        switch e {
                        case "n": out.append("\n")
                        case "t": out.append("\t")
                        case "r": out.append("\r")
                        case "x", "u", "U":
                            let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
                            guard j + width <= chars.count,
                                  let v = UInt32(String(String.UnicodeScalarView(chars[j..<(j + width)])), radix: 16),
                                  let scalar = Unicode.Scalar(v) else { throw PyUnsupported(description: "escape") }
                            out.append(scalar)
                            j += width
                        default: out.append(e)
                        }
                    } else {
                        out.append(chars[j])
                        j += 1
                    }
                }
                guard j < chars.count else { throw PyUnsupported(description: "unterminated string") }
                tokens.append(.str(String(out)))
                i = j + 1
                continue
            }
            let two = i + 1 < chars.count ? String(String.UnicodeScalarView([c, chars[i + 1]])) : ""
            if ["==", "!=", "<=", ">="].contains(two) {
                tokens.append(.op(two))
                i += 2
                continue
            }
            if "[](){},.:<>".unicodeScalars.contains(c) {
                tokens.append(.op(String(c)))
                i += 1
                continue
            }
            throw PyUnsupported(description: "character \(c)")
        }
        return tokens
    }

    private struct Parser {
        var tokens: [Token]
        var index = 0
        let evaluator: PyEvaluator

        init(tokens: [Token], evaluator: PyEvaluator) {
            self.tokens = tokens
            self.evaluator = evaluator
        }

        var atEnd: Bool { index >= tokens.count }
        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        mutating func expect(_ op: String) throws {
            guard peek == .op(op) else { throw PyUnsupported(description: "expected \(op)") }
            index += 1
        }

        // Both sides are always evaluated, so an unsupported key anywhere skips the case
        // instead of being hidden by short-circuiting.
        mutating func orExpr() throws -> PyValue {
            var value = try andExpr()
            while peek == .name("or") {
                index += 1
                let rhs = try andExpr()
                value = .bool(value.truthy || rhs.truthy)
            }
            return value
        }

        mutating func andExpr() throws -> PyValue {
            var value = try notExpr()
            while peek == .name("and") {
                index += 1
                let rhs = try notExpr()
                value = .bool(value.truthy && rhs.truthy)
            }
            return value
        }

        mutating func notExpr() throws -> PyValue {
            if peek == .name("not") {
                index += 1
                return .bool(!(try notExpr()).truthy)
            }
            return try comparison()
        }

        mutating func comparison() throws -> PyValue {
            let lhs = try primary()
            switch peek {
            case .op("=="):
                index += 1
                return .bool(evaluator.equal(lhs, try primary()))
            case .op("!="):
                index += 1
                return .bool(!evaluator.equal(lhs, try primary()))
            case .name("is"):
                index += 1
                var negate = false
                if peek == .name("not") { negate = true; index += 1 }
                let rhs = try primary()
                return .bool((lhs == rhs) != negate)
            default:
                if case .op(let op)? = peek, ["<", ">", "<=", ">="].contains(op) {
                    throw PyUnsupported(description: "ordering comparison")
                }
                var negate = false
                if peek == .name("not"), index + 1 < tokens.count, tokens[index + 1] == .name("in") {
                    negate = true
                    index += 1
                }
                if peek == .name("in") {
                    index += 1
                    let container = try primary()
                    let found: Bool
                    switch (lhs, container) {
                    case (_, .list(let items)): found = items.contains { evaluator.equal(lhs, $0) }
                    case (.str(let needle), .str(let haystack)): found = haystack.contains(needle)
                    case (.str(let key), .dict(let d)): found = d[key] != nil
                    default: throw PyUnsupported(description: "membership test")
                    }
                    return .bool(found != negate)
                }
                return lhs
            }
        }

        mutating func primary() throws -> PyValue {
            var value = try atom()
            while true {
                if peek == .op("[") {
                    index += 1
                    let key = try orExpr()
                    try expect("]")
                    value = try subscriptValue(value, key)
                } else if peek == .op(".") {
                    index += 1
                    guard case .name(let name)? = peek else { throw PyUnsupported(description: "attribute") }
                    index += 1
                    if peek == .op("(") {
                        index += 1
                        var args: [PyValue] = []
                        while peek != .op(")") {
                            args.append(try orExpr())
                            if peek == .op(",") { index += 1 }
                            guard !atEnd else { throw PyUnsupported(description: "call") }
                        }
                        index += 1
                        guard name == "get", let first = args.first else { throw PyUnsupported(description: "method \(name)") }
                        guard case .dict(let d) = value, case .str(let key) = first else { throw PyUnsupported(description: "get") }
                        guard let found = d[key] else {
                            throw PyUnsupported(description: "key \(key) not kept by lede")
                        }
                        value = found
                    } else {
                        value = try subscriptValue(value, .str(name))
                    }
                } else {
                    return value
                }
            }
        }

        func subscriptValue(_ container: PyValue, _ key: PyValue) throws -> PyValue {
            switch (container, key) {
            case let (.dict(d), .str(k)):
                guard let v = d[k] else { throw PyUnsupported(description: "key \(k) not kept by lede") }
                return v
            case let (.list(l), .int(i)):
                guard i >= 0, i < l.count else { return .none }
                return l[i]
            default:
                throw PyUnsupported(description: "subscript")
            }
        }

        mutating func atom() throws -> PyValue {
            guard let token = peek else { throw PyUnsupported(description: "unexpected end") }
            index += 1
            switch token {
            case .str(var s):
                while case .str(let more)? = peek { s += more; index += 1 }
                return .str(s)
            case .num(let d, let isInt): return isInt ? .int(Int(d)) : .float(d)
            case .name("True"): return .bool(true)
            case .name("False"): return .bool(false)
            case .name("None"): return .none
            case .name("len"):
                try expect("(")
                let v = try orExpr()
                try expect(")")
                switch v {
                case .list(let l): return .int(l.count)
                case .str(let s): return .int(s.count)
                default: throw PyUnsupported(description: "len")
                }
            case .name(let n):
                guard let v = evaluator.names[n] else { throw PyUnsupported(description: "name \(n)") }
                return v
            case .op("("), .op("["):
                let close = token == .op("(") ? ")" : "]"
                var items: [PyValue] = []
                while peek != .op(close) {
                    items.append(try orExpr())
                    if peek == .op(",") { index += 1 }
                    guard !atEnd else { throw PyUnsupported(description: "tuple") }
                }
                index += 1
                return (token == .op("(") && items.count == 1) ? items[0] : .list(items)
            default:
                throw PyUnsupported(description: "token \(token)")
            }
        }
    }
}
