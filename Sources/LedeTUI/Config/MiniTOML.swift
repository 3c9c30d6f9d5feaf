/// A value in the small TOML subset lede's theme and config files use.
public indirect enum TOMLValue: Equatable, Sendable {
  case string(String)
  case integer(Int)
  case bool(Bool)
  case array([TOMLValue])
  case table([(String, TOMLValue)])

  public static func == (lhs: TOMLValue, rhs: TOMLValue) -> Bool {
    switch (lhs, rhs) {
    case (.string(let a), .string(let b)): return a == b
    case (.integer(let a), .integer(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.table(let a), .table(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  var typeName: String {
    switch self {
    case .string: "string"
    case .integer: "integer"
    case .bool: "boolean"
    case .array: "array"
    case .table: "inline table"
    }
  }
}

/// One `key = value` line, with the `[table]` it sits under and its line number.
public struct TOMLEntry: Equatable, Sendable {
  public var table: String
  public var key: String
  public var value: TOMLValue
  public var line: Int
}

/// A syntax error with the line it is on.
public struct TOMLError: Error, Equatable, Sendable {
  public var line: Int
  public var message: String
}

/// Parses the TOML subset lede needs: `[table]` headers, bare, dotted and quoted
/// keys, strings, integers, booleans, arrays and inline tables, one entry per line.
///
/// A full TOML library would cost build time for two small files; this subset
/// reads every valid lede file the same way a real TOML parser would.
public enum MiniTOML {
  public static func parse(_ text: String) throws(TOMLError) -> [TOMLEntry] {
    var entries: [TOMLEntry] = []
    var table = ""
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var scanner = Scanner(Array(rawLine.unicodeScalars), line: lineNumber)
      scanner.skipSpaces()
      if scanner.atEndOrComment { continue }
      if scanner.peek == "[" {
        scanner.advance()
        scanner.skipSpaces()
        let name = try scanner.key()
        scanner.skipSpaces()
        guard scanner.peek == "]" else { throw scanner.error("expected ] after table name") }
        scanner.advance()
        scanner.skipSpaces()
        guard scanner.atEndOrComment else { throw scanner.error("unexpected text after table header") }
        table = name
        continue
      }
      let key = try scanner.key()
      scanner.skipSpaces()
      guard scanner.peek == "=" else { throw scanner.error("expected = after key \"\(key)\"") }
      scanner.advance()
      scanner.skipSpaces()
      let value = try scanner.value()
      scanner.skipSpaces()
      guard scanner.atEndOrComment else { throw scanner.error("unexpected text after value of \"\(key)\"") }
      entries.append(TOMLEntry(table: table, key: key, value: value, line: lineNumber))
    }
    return entries
  }

  private struct Scanner {
    let chars: [Unicode.Scalar]
    var index = 0
    let line: Int

    init(_ chars: [Unicode.Scalar], line: Int) {
      self.chars = chars
      self.line = line
    }

    var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" || peek == "\r" }
    mutating func advance() { index += 1 }
    mutating func skipSpaces() { while peek == " " || peek == "\t" { advance() } }
    func error(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    /// A possibly dotted key; dots are kept, so `highlight.person` is one name.
    mutating func key() throws(TOMLError) -> String {
      var parts: [String] = []
      while true {
        skipSpaces()
        if peek == "\"" || peek == "'" {
          parts.append(try string())
        } else {
          var part = ""
          while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" {
            part.unicodeScalars.append(c)
            advance()
          }
          guard !part.isEmpty else { throw error("expected a key") }
          parts.append(part)
        }
        skipSpaces()
        guard peek == "." else { break }
        advance()
      }
      return parts.joined(separator: ".")
    }

    mutating func value() throws(TOMLError) -> TOMLValue {
      guard let c = peek else { throw error("expected a value") }
      switch c {
      case "\"", "'": return .string(try string())
      case "[":
        advance()
        var items: [TOMLValue] = []
        while true {
          skipSpaces()
          if peek == "]" { advance(); return .array(items) }
          items.append(try value())
          skipSpaces()
          if peek == "," { advance(); continue }
          if peek == "]" { advance(); return .array(items) }
          throw error("expected , or ] in array")
        }
      case "{":
        advance()
        var pairs: [(String, TOMLValue)] = []
        skipSpaces()
        if peek == "}" { advance(); return .table(pairs) }
        while true {
          let k = try key()
          skipSpaces()
          guard peek == "=" else { throw error("expected = after \"\(k)\" in inline table") }
          advance()
          skipSpaces()
          pairs.append((k, try value()))
          skipSpaces()
          if peek == "," { advance(); continue }
          if peek == "}" { advance(); return .table(pairs) }
          throw error("expected , or } in inline table")
        }
      default:
        var word = ""
        while let d = peek, d != ",", d != "]", d != "}", d != " ", d != "\t", d != "#" {
          word.unicodeScalars.append(d)
          advance()
        }
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        if let n = Int(String(word.filter { $0 != "_" })) { return .integer(n) }
        throw error("cannot read value \"\(word)\"")
      }
    }

    mutating func string() throws(TOMLError) -> String {
      guard let quote = peek else { throw error("expected a string") }
      advance()
      var out = String.UnicodeScalarView()
      while let c = peek {
        advance()
        if c == quote { return String(out) }
        if c == "\\" && quote == "\"" {
          guard let e = peek else { break }
          advance()
          switch e {
          case "n": out.append("\n")
          case "t": out.append("\t")
          case "\"": out.append("\"")
          case "\\": out.append("\\")
          case "u", "U":
            let count = e == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<count {
              guard let h = peek else { break }
              hex.unicodeScalars.append(h)
              advance()
            }
            guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
              throw error("bad unicode escape \\\(e)\(hex)")
            }
            out.append(s)
          default: throw error("unknown escape \\\(e)")
          }
        } else {
          out.append(c)
        }
      }
      throw error("unterminated string")
    }
  }
}
