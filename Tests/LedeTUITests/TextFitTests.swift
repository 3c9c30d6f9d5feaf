import Testing
@testable import LedeTUI

struct DisplayWidthTests {
  @Test("ASCII letters take one column and CJK ideographs two", arguments: [
    ("abc", 3), ("日本語", 6), ("한국어", 6), ("ｆｕｌｌ", 8), ("naïve", 5),
  ])
  func widths(text: String, expected: Int) {
    #expect(DisplayWidth.of(text) == expected)
  }

  @Test("emoji, flags and ZWJ sequences take two columns each")
  func emoji() {
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("🇫🇷") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("❤️") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)
  }

  @Test("combining marks and zero-width characters take no column")
  func combining() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
  }
}

struct SanitizeTests {
  @Test("escape sequences and control characters never reach the screen", arguments: [
    ("red \u{1B}[31mtext\u{1B}[0m", "red text"),
    ("title\u{1B}]0;pwned\u{07}!", "title!"),
    ("osc with st \u{1B}]8;;http://x\u{1B}\\link", "osc with st link"),
    ("bell\u{07} and nul\u{0}", "bell and nul"),
    ("c1 \u{9B}2Jcsi", "c1 csi"),
    ("tab\there", "tab here"),
    ("line\nbreak", "line break"),
    ("bidi \u{202E}evil\u{202C}", "bidi evil"),
    ("keep 日本 😀 é", "keep 日本 😀 é"),
  ])
  func strips(input: String, expected: String) {
    #expect(TextFit.sanitize(input) == expected)
  }

  @Test("newlines survive when asked for, for the full text")
  func newlines() {
    #expect(TextFit.sanitize("a\nb\r\n", keepNewlines: true) == "a\nb\n")
  }
}

struct TruncateAndWrapTests {
  @Test("truncation counts display width and ends with an ellipsis")
  func truncate() {
    #expect(TextFit.truncate("hello world", width: 8) == "hello w…")
    #expect(TextFit.truncate("日本語テキスト", width: 7) == "日本語…")
    #expect(TextFit.truncate("short", width: 10) == "short")
    #expect(TextFit.truncate("anything", width: 0) == "")
    #expect(DisplayWidth.of(TextFit.fit("日本語テキスト", width: 8)) == 8)
  }

  @Test("wrapping breaks at spaces and splits words longer than a line")
  func wrap() {
    let text = "the quick brown fox jumps"
    let lines = TextFit.wrap(text, width: 10).map { String(Array(text)[$0]) }
    #expect(lines == ["the quick", "brown fox", "jumps"])
    let long = "abcdefghijkl"
    #expect(TextFit.wrap(long, width: 5).map { String(Array(long)[$0]) } == ["abcde", "fghij", "kl"])
  }

  @Test("wrapping CJK text never exceeds the width")
  func wrapCJK() {
    let text = "日本語のテキストを折り返す"
    for range in TextFit.wrap(text, width: 7) {
      #expect(DisplayWidth.of(String(Array(text)[range])) <= 7)
    }
  }
}

struct CellBufferTests {
  @Test("a wide character takes two cells, the second a skipped continuation")
  func wide() {
    var buffer = CellBuffer(width: 6, height: 1)
    let written = buffer.write("a日b", x: 0, y: 0, style: CellStyle(.text))
    #expect(written == 4)
    #expect(buffer[1, 0].text == "日")
    #expect(buffer[2, 0].isContinuation)
    #expect(buffer.lines == ["a日b  "])
  }

  @Test("a wide character cut by the edge becomes a space so columns stay aligned")
  func straddle() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer.write("ab日", x: 0, y: 0, maxWidth: 3, style: CellStyle(.text))
    #expect(buffer.lines == ["ab  "])
    #expect(!buffer[2, 0].isContinuation)
  }

  @Test("a zero-size buffer accepts writes and has no lines")
  func zero() {
    var buffer = CellBuffer(width: 0, height: 0)
    buffer.write("hello", x: 0, y: 0, style: CellStyle(.text))
    buffer.fill(x: 0, y: 0, width: 3, height: 3, style: CellStyle(.text))
    #expect(buffer.lines.isEmpty)
  }
}
